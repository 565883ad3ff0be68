package roadshow.learning.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.catalog.api.Catalog;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.learning.api.CompletionListener;
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

    private static final Logger LOG = LoggerFactory.getLogger(LearningStore.class);

    private final List<CompletionListener> listeners = new CopyOnWriteArrayList<>();

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
        List<Completed> completed = new ArrayList<>();
        CourseProgress progress = sql.transaction(c -> {
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
            return progress(c, personId, served, completed).orElseThrow();
        });
        tell(completed);
        return progress;
    }

    @Override
    public CourseProgress completeLesson(String personId, String course, String lesson) {
        CatalogCourse served = served(course);
        if (served.course().lesson(lesson).isEmpty()) {
            throw new LearningException(Reason.NOT_FOUND, "The course " + course + " has no lesson " + lesson + ".", List.of());
        }
        List<Completed> completed = new ArrayList<>();
        CourseProgress result = sql.transaction(c -> {
            if (Sql.one(c, "select course from learning_enrollment where person = ? and course = ?", r -> r.getString(1), personId, course)
                    .isEmpty()) {
                throw new LearningException(Reason.NOT_ENROLLED, "Enroll in " + served.course().title() + " first.", List.of());
            }
            insertIfAbsent(c, "insert into learning_lesson_done (person, course, lesson, done_at) select ?, ?, ?, ? where not exists"
                    + " (select 1 from learning_lesson_done where person = ? and course = ? and lesson = ?)",
                    personId, course, lesson, Instant.now(), personId, course, lesson);
            // the last lesson done completes a course without a quiz, or with one passed already
            return progress(c, personId, served, completed).orElseThrow();
        });
        tell(completed);
        return result;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CompletionListener listener) {
        listeners.add(listener);
    }

    void removeListener(CompletionListener listener) {
        listeners.remove(listener);
    }

    /** Inserts a row unless it is there; a second request at the same moment is as idempotent as the first. */
    private static boolean insertIfAbsent(Connection c, String insert, Object... parameters) throws SQLException {
        try {
            return Sql.update(c, insert, parameters) > 0;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    /** A completion recorded in a transaction, told to the listeners once that transaction committed. */
    private record Completed(String person, String course, String version, Instant at) {
    }

    /** Records the completion unless there is one; adds it to {@code completed} when it is new. */
    private static void complete(Connection c, String personId, String course, String version, Instant at, List<Completed> completed)
            throws SQLException {
        if (insertIfAbsent(c, "insert into learning_completion (person, course, course_version, completed_at) select ?, ?, ?, ?"
                + " where not exists (select 1 from learning_completion where person = ? and course = ?)",
                personId, course, version, at, personId, course)) {
            completed.add(new Completed(personId, course, version, at));
        }
    }

    private void tell(List<Completed> completed) {
        for (Completed done : completed) {
            for (CompletionListener listener : listeners) {
                try {
                    listener.completed(done.person(), done.course(), done.version(), done.at());
                } catch (RuntimeException e) {
                    LOG.error("A completion listener failed on {} completing {}", done.person(), done.course(), e);
                }
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
        List<Completed> completed = new ArrayList<>();
        Optional<CourseProgress> progress = sql.transaction(c -> progress(c, personId, served, completed));
        tell(completed);
        return progress;
    }

    @Override
    public Set<String> doneLessons(String personId, String course) {
        return new HashSet<>(sql.list("select lesson from learning_lesson_done where person = ? and course = ?", r -> r.getString(1),
                personId, course));
    }

    @Override
    public List<CourseProgress> progress(String personId) {
        List<Completed> completed = new ArrayList<>();
        List<CourseProgress> progress = sql.transaction(c -> {
            List<CourseProgress> all = new ArrayList<>();
            for (String course : Sql.list(c, "select course from learning_enrollment where person = ? order by course", r -> r.getString(1),
                    personId)) {
                int slash = course.indexOf('/');
                Optional<CatalogCourse> served = catalog.course(course.substring(0, slash), course.substring(slash + 1));
                if (served.isPresent()) {
                    progress(c, personId, served.get(), completed).ifPresent(all::add);
                }
            }
            return all;
        });
        tell(completed);
        return progress;
    }

    @Override
    public Map<String, Instant> completions(String personId) {
        progress(personId);
        Map<String, Instant> completions = new LinkedHashMap<>();
        for (Map.Entry<String, Instant> completion : sql.list("select course, completed_at from learning_completion where person = ?"
                + " order by completed_at", r -> Map.entry(r.getString("course"), Sql.instant(r, "completed_at")), personId)) {
            completions.put(completion.getKey(), completion.getValue());
        }
        return completions;
    }

    private Optional<CourseProgress> progress(Connection c, String personId, CatalogCourse served, List<Completed> completed)
            throws SQLException {
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
            // Done now: the last lesson, or the quiz passed after it (QuizPassed tells of that as it happens).
            Instant now = Instant.now();
            complete(c, personId, course.globalId(), served.version(), now, completed);
            progress = ProgressRules.of(course, served.version(), enrolledAt.get(), done, quizPassed, now, served.version());
        }
        return Optional.of(progress);
    }
}
