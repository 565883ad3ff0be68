package roadshow.learning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.learning.api.CourseProgress;

class ProgressRulesTest {

    private static Course course(String quiz, String... lessons) {
        return new Course("basics", "acme", "Basics", "", "en", Duration.ofMinutes(30), Course.Level.BEGINNER, List.of(),
                List.of("intro", "northwind/security"), List.of(lessons).stream()
                        .map(id -> new Lesson(id, id, "lessons/" + id + ".md", Duration.ofMinutes(10))).toList(),
                quiz, "roadshow/courses/basics/", Map.of());
    }

    @Test
    void lessonsThatStillExistCountNewOnesAreUndoneRemovedOnesDropOut() {
        Course v2 = course(null, "a", "c", "d");
        CourseProgress progress = ProgressRules.of(v2, "2.0.0", Instant.EPOCH, Set.of("a", "b"), false, null, null);
        assertThat(progress.lessonsDone()).isEqualTo(1);
        assertThat(progress.lessonsTotal()).isEqualTo(3);
        assertThat(progress.resumeLesson()).isEqualTo("c");
        assertThat(ProgressRules.completes(v2, progress)).isFalse();
    }

    @Test
    void everyLessonDoneCompletesACourseWithoutQuizButNotOneWithAnUnpassedQuiz() {
        CourseProgress done = ProgressRules.of(course(null, "a", "b"), "1.0.0", Instant.EPOCH, Set.of("a", "b"), false, null, null);
        assertThat(done.resumeLesson()).isNull();
        assertThat(ProgressRules.completes(course(null, "a", "b"), done)).isTrue();
        assertThat(ProgressRules.completes(course("acme/basics-quiz", "a", "b"), done)).isFalse();
        CourseProgress passed = ProgressRules.of(course("acme/basics-quiz", "a", "b"), "1.0.0", Instant.EPOCH, Set.of("a", "b"), true,
                null, null);
        assertThat(ProgressRules.completes(course("acme/basics-quiz", "a", "b"), passed)).isTrue();
    }

    @Test
    void aPrerequisiteWithoutVendorIsTheCoursesOwnVendors() {
        Course course = course(null, "a");
        assertThat(ProgressRules.prerequisite(course, "intro")).isEqualTo("acme/intro");
        assertThat(ProgressRules.prerequisite(course, "northwind/security")).isEqualTo("northwind/security");
    }
}
