package roadshow.learning.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.catalog.api.Catalog;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.learning.api.CourseProgress;
import roadshow.learning.api.Learning;
import roadshow.learning.api.LearningException;
import roadshow.learning.api.LearningException.Reason;
import roadshow.quiz.api.QuizAttempts;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link Learning} in the learning tables, against the courses the catalog serves now. */
// The learning tables are made by roadshow.store's schema extender from db/learning.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = Learning.class)
public class LearningStore implements Learning {

    private final Sql sql;
    private final Catalog catalog;
    private final QuizAttempts attempts;

    @Activate
    public LearningStore(@Reference(target = "(roadshow.schema=roadshow.learning)") Schema schema, @Reference Catalog catalog,
            @Reference QuizAttempts attempts) {
        this.sql = new Sql(schema.dataSource());
        this.catalog = catalog;
        this.attempts = attempts;
    }

    private CatalogCourse served(String course) {
        int slash = course == null ? -1 : course.indexOf('/');
        return (slash < 0 ? Optional.<CatalogCourse>empty() : catalog.course(course.substring(0, slash), course.substring(slash + 1)))
                .orElseThrow(() -> new LearningException(Reason.NOT_FOUND, "There is no course " + course + ".", List.of()));
    }

    @Override
    public CourseProgress enroll(String personId, String course) {
        CatalogCourse served = served(course);
        return sql.transaction(c -> {
            List<String> missing = new ArrayList<>();
            for (String prerequisite : served.course().prerequisites()) {
                String id = ProgressRules.prerequisite(served.course(), prerequisite);
                if (Sql.one(c, "select course from learning_completion where person = ? and course = ?", r -> r.getString(1), personId, id)
                        .isEmpty()) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty() && Sql.one(c, "select course from learning_enrollment where person = ? and course = ?",
                    r -> r.getString(1), personId, course).isEmpty()) {
                throw new LearningException(Reason.PREREQUISITES, "Complete " + String.join(", ", missing) + " before you enroll in "
                        + served.course().title() + ".", missing);
            }
            insertIfAbsent(c, "insert into learning_enrollment (person, course, enrolled_at) select ?, ?, ? where not exists"
                    + " (select 1 from learning_enrollment where person = ? and course = ?)", personId, course, Instant.now(), personId, course);
            return progress(c, personId, served).orElseThrow();
        });
    }

    @Override
    public CourseProgress completeLesson(String personId, String course, String lesson) {
        CatalogCourse served = served(course);
        if (served.course().lesson(lesson).isEmpty()) {
            throw new LearningException(Reason.NOT_FOUND, "The course " + course + " has no lesson " + lesson + ".", List.of());
        }
        return sql.transaction(c -> {
            if (Sql.one(c, "select course from learning_enrollment where person = ? and course = ?", r -> r.getString(1), personId, course)
                    .isEmpty()) {
                throw new LearningException(Reason.NOT_ENROLLED, "Enroll in " + served.course().title() + " first.", List.of());
            }
            insertIfAbsent(c, "insert into learning_lesson_done (person, course, lesson, done_at) select ?, ?, ?, ? where not exists"
                    + " (select 1 from learning_lesson_done where person = ? and course = ? and lesson = ?)",
                    personId, course, lesson, Instant.now(), personId, course, lesson);
            CourseProgress progress = progress(c, personId, served).orElseThrow();
            if (progress.completedAt() == null && ProgressRules.completes(served.course(), progress)) {
                insertIfAbsent(c, "insert into learning_completion (person, course, course_version, completed_at) select ?, ?, ?, ?"
                        + " where not exists (select 1 from learning_completion where person = ? and course = ?)",
                        personId, course, served.version(), Instant.now(), personId, course);
                progress = progress(c, personId, served).orElseThrow();
            }
            return progress;
        });
    }

    /** Inserts a row unless it is there; a second request at the same moment is as idempotent as the first. */
    private static void insertIfAbsent(Connection c, String insert, Object... parameters) throws SQLException {
        try {
            Sql.update(c, insert, parameters);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public Optional<CourseProgress> progress(String personId, String course) {
        CatalogCourse served;
        try {
            served = served(course);
        } catch (LearningException notServed) {
            return Optional.empty();
        }
        return sql.transaction(c -> progress(c, personId, served));
    }

    @Override
    public Set<String> doneLessons(String personId, String course) {
        return new HashSet<>(sql.list("select lesson from learning_lesson_done where person = ? and course = ?", r -> r.getString(1),
                personId, course));
    }

    @Override
    public List<CourseProgress> progress(String personId) {
        return sql.transaction(c -> {
            List<CourseProgress> all = new ArrayList<>();
            for (String course : Sql.list(c, "select course from learning_enrollment where person = ? order by course", r -> r.getString(1),
                    personId)) {
                int slash = course.indexOf('/');
                Optional<CatalogCourse> served = catalog.course(course.substring(0, slash), course.substring(slash + 1));
                if (served.isPresent()) {
                    progress(c, personId, served.get()).ifPresent(all::add);
                }
            }
            return all;
        });
    }

    private Optional<CourseProgress> progress(Connection c, String personId, CatalogCourse served) throws SQLException {
        Course course = served.course();
        Optional<Instant> enrolledAt = Sql.one(c, "select enrolled_at from learning_enrollment where person = ? and course = ?",
                r -> Sql.instant(r, "enrolled_at"), personId, course.globalId());
        if (enrolledAt.isEmpty()) {
            return Optional.empty();
        }
        Set<String> done = new HashSet<>(Sql.list(c, "select lesson from learning_lesson_done where person = ? and course = ?",
                r -> r.getString(1), personId, course.globalId()));
        record Completion(Instant at, String version) {
        }
        Optional<Completion> completion = Sql.one(c, "select completed_at, course_version from learning_completion"
                + " where person = ? and course = ?", r -> new Completion(Sql.instant(r, "completed_at"), r.getString("course_version")),
                personId, course.globalId());
        boolean quizPassed = course.quiz() != null && attempts.passed(personId, course.quiz());
        CourseProgress progress = ProgressRules.of(course, served.version(), enrolledAt.get(), done, quizPassed,
                completion.map(Completion::at).orElse(null), completion.map(Completion::version).orElse(null));
        if (completion.isEmpty() && ProgressRules.completes(course, progress)) {
            // The quiz was passed after the last lesson was done (the quiz engine knows nothing of courses):
            // the completion is recorded the first time progress is looked at.
            Instant now = Instant.now();
            insertIfAbsent(c, "insert into learning_completion (person, course, course_version, completed_at) select ?, ?, ?, ?"
                    + " where not exists (select 1 from learning_completion where person = ? and course = ?)",
                    personId, course.globalId(), served.version(), now, personId, course.globalId());
            progress = ProgressRules.of(course, served.version(), enrolledAt.get(), done, quizPassed, now, served.version());
        }
        return Optional.of(progress);
    }
}
