package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.content.api.Program;
import roadshow.content.api.Question;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/** The spec's examples, read into the model field by field. */
class ContentReaderTest {

    @TempDir
    Path temp;

    private Curriculum curriculum;

    @BeforeEach
    void readSpecExample() {
        curriculum = new Reading(temp).accepted(TestBundle.spec());
    }

    @Test
    void readsTheBundleFromItsManifest() {
        assertThat(curriculum.symbolicName()).isEqualTo("com.example.training.cloud");
        assertThat(curriculum.version()).isEqualTo("1.2.0");
        assertThat(curriculum.vendor()).isEqualTo("example");
        assertThat(curriculum.folder()).isEqualTo("roadshow/");
        assertThat(curriculum.courses()).extracting(Course::id)
                .containsExactly("cloud-basics", "licensing", "migration", "pricing");
        assertThat(curriculum.quizzes()).extracting(Quiz::id)
                .containsExactly("cloud-basics-check", "specialist-exam", "specialist-renewal");
    }

    @Test
    void readsEveryFieldOfACourse() {
        Course course = curriculum.courses().get(0);
        assertThat(course.id()).isEqualTo("cloud-basics");
        assertThat(course.globalId()).isEqualTo("example/cloud-basics");
        assertThat(course.vendor()).isEqualTo("example");
        assertThat(course.title()).isEqualTo("Cloud Basics for Resellers");
        assertThat(course.summary()).isEqualTo("What to tell a small business about moving its servers to the cloud.");
        assertThat(course.language()).isEqualTo("en");
        assertThat(course.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(course.level()).isEqualTo(Course.Level.BEGINNER);
        assertThat(course.tags()).containsExactly("cloud", "sales");
        assertThat(course.prerequisites()).containsExactly("example/intro");
        assertThat(course.lessons()).containsExactly(
                new Lesson("welcome", "Welcome", "lessons/01-welcome.md", Duration.ofMinutes(5)),
                new Lesson("pricing", "Pricing conversations", "lessons/02-pricing.md", null));
        assertThat(course.quiz()).isEqualTo("example/cloud-basics-check");
        assertThat(course.folder()).isEqualTo("courses/cloud-basics/");
    }

    @Test
    void readsATranslation() {
        Course.Translation german = curriculum.courses().get(0).translations().get("de");
        assertThat(german.title()).isEqualTo("Cloud-Grundlagen für Händler");
        assertThat(german.summary()).isEqualTo("Was Sie einem kleinen Unternehmen über den Umzug in die Cloud sagen.");
        assertThat(german.lessonTitles()).containsExactly(entry("welcome", "Willkommen"));
        assertThat(german.lessonFiles()).containsExactly(entry("welcome", "i18n/de/lessons/01-welcome.md"));
    }

    @Test
    void givesOptionalCourseFieldsTheirDefaults() {
        Course pricing = curriculum.courses().get(3);
        assertThat(pricing.summary()).isEmpty();
        assertThat(pricing.language()).isEqualTo("en");
        assertThat(pricing.duration()).isNull();
        assertThat(pricing.level()).isNull();
        assertThat(pricing.tags()).isEmpty();
        assertThat(pricing.prerequisites()).isEmpty();
        assertThat(pricing.quiz()).isNull();
        assertThat(pricing.translations()).isEmpty();
    }

    @Test
    void readsEveryFieldOfAQuiz() {
        Quiz quiz = curriculum.quizzes().get(0);
        assertThat(quiz.id()).isEqualTo("cloud-basics-check");
        assertThat(quiz.globalId()).isEqualTo("example/cloud-basics-check");
        assertThat(quiz.title()).isEqualTo("Cloud basics check");
        assertThat(quiz.passScore()).isEqualTo(0.8);
        assertThat(quiz.timeLimit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(quiz.maxAttempts()).isEqualTo(3);
        assertThat(quiz.draw()).isEqualTo(5);
        assertThat(quiz.shuffle()).isTrue();
        assertThat(quiz.questions()).extracting(Question::id).containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7");
        assertThat(quiz.questions()).extracting(Question::type)
                .containsExactly("single", "multiple", "truefalse", "numeric", "text", "ordering", "matching");
    }

    @Test
    void givesOptionalQuizFieldsTheirDefaults() {
        Quiz exam = curriculum.quizzes().get(1);
        assertThat(exam.timeLimit()).isNull();
        assertThat(exam.maxAttempts()).isZero();
        assertThat(exam.draw()).isZero();
        assertThat(exam.shuffle()).isFalse();
        assertThat(exam.questions().get(0).points()).isEqualTo(1.0);
    }

    @Test
    void keepsEachQuestionsDefinitionAsWritten() {
        List<Question> questions = curriculum.quizzes().get(0).questions();

        Question single = questions.get(0);
        assertThat(single.points()).isEqualTo(1.0);
        assertThat(single.prompt())
                .isEqualTo("Which cost does a move to the cloud turn from capital into operating expense?");
        assertThat(single.definition().get("choices")).isEqualTo(List.of(
                Map.of("id", "a", "text", "Server hardware", "correct", true, "feedback", "Right, no more boxes to buy."),
                Map.of("id", "b", "text", "Staff training")));

        Question multiple = questions.get(1);
        assertThat(multiple.definition()).containsEntry("partial", true);
        assertThat(multiple.definition().get("choices")).asList().hasSize(3);

        assertThat(questions.get(2).definition()).containsEntry("answer", true);
        assertThat(questions.get(3).definition()).containsEntry("answer", 7.6).containsEntry("tolerance", 0.1);
        assertThat(questions.get(4).definition()).containsEntry("answers", List.of("linux", "gnu/linux"));
        assertThat(questions.get(5).definition()).containsEntry("items", List.of("Discover", "Propose", "Close"));
        assertThat(questions.get(6).definition()).containsEntry("pairs", List.of(
                Map.of("left", "Word processor", "right", "Desktop application"),
                Map.of("left", "Database server", "right", "Back office")));
        assertThat(questions.get(6).definition()).containsEntry("id", "q7").containsEntry("type", "matching")
                .containsEntry("prompt", "Match the product to its category.");
    }

    @Test
    void readsATrackWithGlobalIds() {
        assertThat(curriculum.tracks()).containsExactly(new Track(
                "cloud-sales-specialist", "example", "Cloud Sales Specialist",
                List.of("example/cloud-basics", "example/pricing"),
                new Track.Electives(1, List.of("example/migration", "example/licensing", "other-vendor/security")),
                "example/specialist-exam", Period.ofYears(1), "example/specialist-renewal", null));
    }

    @Test
    void readsTheProgramTiersLowestFirst() {
        assertThat(curriculum.program()).isEqualTo(new Program("example", List.of(
                new Program.Tier("silver", "Silver Partner",
                        List.of(new Program.Requirement("example/cloud-sales-specialist", 2))),
                new Program.Tier("gold", "Gold Partner", List.of(
                        new Program.Requirement("example/cloud-sales-specialist", 5),
                        new Program.Requirement("other-vendor/security-pro", 1)))), false));
    }

    @Test
    void readsTheAdditionsARenewalWindowAndCountingChildOrganisations() {
        Curriculum read = new Reading(temp).accepted(TestBundle.minimal()
                .content("quizzes/renew.yaml", TestBundle.trueFalseQuiz("renew"))
                .content("tracks/t.yaml", "id: t\ntitle: T\nrequires:\n  courses: [intro]\nvalidFor: P2Y\n"
                        + "renewal:\n  quiz: renew\n  window: P3M\n")
                .content("program.yaml", "countChildOrganisations: true\ntiers:\n  - id: one\n    title: One\n"
                        + "    requires:\n      - {track: t, people: 1}\n"));
        assertThat(read.tracks()).singleElement().satisfies(t -> assertThat(t.renewalWindow()).isEqualTo(Period.ofMonths(3)));
        assertThat(read.program().countChildOrganisations()).isTrue();
    }

    @Test
    void acceptsABundleWithoutProgramTracksOrQuizzes() {
        Curriculum minimal = new Reading(temp).accepted(TestBundle.minimal());
        assertThat(minimal.courseIds()).containsExactly("example/intro");
        assertThat(minimal.program()).isNull();
        assertThat(minimal.quizzes()).isEmpty();
        assertThat(minimal.tracks()).isEmpty();
    }
}
