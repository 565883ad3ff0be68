package roadshow.quiz.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import roadshow.content.api.Question;
import roadshow.content.api.Quiz;
import roadshow.quiz.api.AttemptException;
import roadshow.quiz.api.AttemptListener;
import roadshow.quiz.api.AttemptException.Reason;
import roadshow.quiz.api.AttemptDetail;
import roadshow.quiz.api.AttemptResult;
import roadshow.quiz.api.AttemptSummary;
import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;
import roadshow.quiz.api.QuestionTypes;
import roadshow.quiz.api.QuizAttempt;
import roadshow.quiz.api.QuizAttempts;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * {@link QuizAttempts} in the quiz tables, against the quizzes served now. An attempt keeps
 * what it showed (the questions drawn, their order and their choices' order); the answers
 * themselves stay in the content and are read again, by question id, to check and grade.
 */
// The attempt tables are made by roadshow.store's schema extender from db/quiz.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = QuizAttempts.class)
public class AttemptStore implements QuizAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptStore.class);
    /** How the tables keep JSON: plain, as the question types wrote it. */
    private static final ObjectMapper STORED = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    /**
     * Slack for comparing a score with a fraction of the points: 0.7 * 10 is
     * 7.000000000000001 in doubles, and a learner with 7 of 10 at a pass score of 0.7 passes.
     */
    private static final double EPSILON = 1e-9;
    /** Starts at the same moment may both count the same attempts used; the loser tries again. */
    private static final int START_TRIES = 3;

    private final Sql sql;
    private final QuestionTypes types;
    private final QuizSource quizzes;
    private final Clock clock;
    private final SecureRandom secure = new SecureRandom();
    private final List<AttemptListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public AttemptStore(@Reference(target = "(roadshow.schema=roadshow.quiz)") Schema schema, @Reference QuestionTypes types,
            @Reference QuizSource quizzes) {
        this(new Sql(schema.dataSource()), types, quizzes, Clock.systemUTC());
    }

    AttemptStore(Sql sql, QuestionTypes types, QuizSource quizzes, Clock clock) {
        this.sql = sql;
        this.types = types;
        this.quizzes = quizzes;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(AttemptListener listener) {
        listeners.add(listener);
    }

    void removeListener(AttemptListener listener) {
        listeners.remove(listener);
    }

    /** A quiz's pool, every question prepared by its type, in the order written. */
    private record Pool(Quiz quiz, String version, Map<String, PreparedQuestion> questions, Map<String, QuestionType> types) {

        Presented present(PreparedQuestion question, SplittableRandom random) {
            return types.get(question.id()).present(question, quiz.shuffle(), random);
        }
    }

    /** An attempt's row. */
    private record Attempt(String id, String quiz, Instant deadline, Instant submittedAt, double score, double maxScore,
            boolean passed) {
    }

    /** A question of an attempt, as shown, with its grade once submitted. */
    private record Asked(String id, Presented presented, Double points, Boolean correct, List<String> feedback) {
    }

    private Pool pool(String quizGlobalId, Reason whenMissing) {
        QuizSource.Served served = quizzes.quiz(quizGlobalId)
                .orElseThrow(() -> new AttemptException(whenMissing, whenMissing == Reason.NOT_FOUND
                        ? "There is no quiz " + quizGlobalId + "."
                        : "The quiz " + quizGlobalId + " is not served now; try again later."));
        Map<String, PreparedQuestion> prepared = new LinkedHashMap<>();
        Map<String, QuestionType> typeOf = new HashMap<>();
        for (Question question : served.quiz().questions()) {
            Preparation preparation = types.prepare(question.definition());
            QuestionType type = types.type(question.type()).orElse(null);
            if (!preparation.isReady() || type == null) {
                // The content extender accepted it, so the type it needs has gone (a vendor's code bundle stopped).
                throw new AttemptException(Reason.UNAVAILABLE, "The quiz " + quizGlobalId + " cannot be taken now: its question "
                        + question.id() + " of type " + question.type() + " cannot be read (" + preparation.problems() + ").");
            }
            prepared.put(question.id(), preparation.question());
            typeOf.put(question.id(), type);
        }
        return new Pool(served.quiz(), served.version(), prepared, typeOf);
    }

    private Instant now() {
        // the tables keep microseconds; an instant handed out must read back the same
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public QuizAttempt start(String personId, String quizGlobalId) {
        Pool pool = pool(quizGlobalId, Reason.NOT_FOUND);
        Quiz quiz = pool.quiz();
        for (int tries = 1; ; tries++) {
            // Fixed for the attempt from here on: what it shows is stored, so this is never needed again.
            SplittableRandom random = new SplittableRandom(secure.nextLong());
            List<Presented> shown = draw(pool, random).stream().map(q -> pool.present(q, random)).toList();
            String id = newId();
            Instant startedAt = now();
            Instant deadline = quiz.timeLimit() == null ? null : startedAt.plus(quiz.timeLimit());
            try {
                return sql.transaction(c -> {
                    int used = Sql.one(c, "select count(*) from quiz_attempt where person = ? and quiz = ?", r -> r.getInt(1), personId,
                            quiz.globalId()).orElse(0);
                    if (quiz.maxAttempts() > 0 && used >= quiz.maxAttempts()) {
                        throw new AttemptException(Reason.NO_ATTEMPTS_LEFT, "You have used all " + quiz.maxAttempts()
                                + " attempts " + quiz.title() + " allows.");
                    }
                    Sql.update(c, "insert into quiz_attempt (id, person, quiz, quiz_version, number, started_at, deadline)"
                            + " values (?, ?, ?, ?, ?, ?, ?)", id, personId, quiz.globalId(), pool.version(), used + 1, startedAt, deadline);
                    for (int i = 0; i < shown.size(); i++) {
                        Sql.update(c, "insert into quiz_attempt_question (attempt, position, question, presented) values (?, ?, ?, ?)",
                                id, i, shown.get(i).id(), write(shown.get(i)));
                    }
                    return new QuizAttempt(id, deadline, shown);
                });
            } catch (Sql.Failure e) {
                if (!e.duplicate() || tries == START_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The questions an attempt asks, in the order it shows them. */
    private static List<PreparedQuestion> draw(Pool pool, SplittableRandom random) {
        List<PreparedQuestion> all = List.copyOf(pool.questions().values());
        int draw = pool.quiz().draw();
        List<PreparedQuestion> drawn = all;
        if (draw > 0 && draw < all.size()) {
            drawn = Shuffle.of(all, random).subList(0, draw);
            if (!pool.quiz().shuffle()) {
                drawn = all.stream().filter(drawn::contains).toList();
            }
        } else if (pool.quiz().shuffle()) {
            drawn = Shuffle.of(all, random);
        }
        return drawn;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        secure.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void saveAnswer(String personId, String attemptId, String questionId, JsonNode answer) {
        sql.transaction(c -> {
            Attempt attempt = lock(c, personId, attemptId);
            if (attempt.submittedAt() != null) {
                throw new AttemptException(Reason.CLOSED, "This attempt was submitted; it takes no more answers.");
            }
            if (attempt.deadline() != null && now().isAfter(attempt.deadline())) {
                throw new AttemptException(Reason.CLOSED, "The time for this attempt ran out at " + attempt.deadline()
                        + "; submit it to have what was saved graded.");
            }
            if (Sql.one(c, "select question from quiz_attempt_question where attempt = ? and question = ?", r -> r.getString(1),
                    attemptId, questionId).isEmpty()) {
                throw new AttemptException(Reason.NOT_FOUND, "This attempt has no question " + questionId + ".");
            }
            Pool pool = pool(attempt.quiz(), Reason.UNAVAILABLE);
            PreparedQuestion question = pool.questions().get(questionId);
            if (question == null) {
                throw new AttemptException(Reason.UNAVAILABLE, "The question " + questionId + " is no longer in the quiz.");
            }
            List<String> problems = answer == null ? List.of("An answer is required.")
                    : pool.types().get(questionId).checkAnswer(question, answer);
            if (!problems.isEmpty()) {
                throw new AttemptException(Reason.INVALID_ANSWER, String.join(" ", problems), problems);
            }
            Instant savedAt = now();
            // The attempt's row is locked: no other save to it can come between these two.
            if (Sql.update(c, "update quiz_attempt_answer set answer = ?, saved_at = ? where attempt = ? and question = ?",
                    write(answer), savedAt, attemptId, questionId) == 0) {
                Sql.update(c, "insert into quiz_attempt_answer (attempt, question, answer, saved_at) values (?, ?, ?, ?)", attemptId,
                        questionId, write(answer), savedAt);
            }
            return null;
        });
    }

    /** A submission just committed, to be told to the listeners. */
    private record Submitted(String quiz, Instant at, AttemptResult result) {
    }

    @Override
    public AttemptResult submit(String personId, String attemptId) {
        Submitted[] submitted = new Submitted[1];
        AttemptResult graded = sql.transaction(c -> {
            Attempt attempt = lock(c, personId, attemptId);
            List<Asked> asked = asked(c, attemptId);
            if (attempt.submittedAt() != null) {
                return new AttemptResult(attempt.score(), attempt.maxScore(), attempt.passed(), results(asked));
            }
            Pool pool = pool(attempt.quiz(), Reason.UNAVAILABLE);
            record Saved(String question, JsonNode answer, Instant savedAt) {
            }
            Map<String, JsonNode> answers = new HashMap<>();
            for (Saved saved : Sql.list(c, "select question, answer, saved_at from quiz_attempt_answer where attempt = ?",
                    r -> new Saved(r.getString("question"), read(r.getString("answer"), JsonNode.class), Sql.instant(r, "saved_at")),
                    attemptId)) {
                // saving refuses late answers; this keeps the rule whatever wrote the row
                if (attempt.deadline() == null || !saved.savedAt().isAfter(attempt.deadline())) {
                    answers.put(saved.question(), saved.answer());
                }
            }
            double score = 0;
            double maxScore = 0;
            List<AttemptResult.QuestionResult> results = new ArrayList<>();
            for (Asked q : asked) {
                PreparedQuestion question = pool.questions().get(q.id());
                Grade grade = question == null
                        ? Grade.wrong(q.presented().points(), List.of("This question was withdrawn from the quiz."))
                        : pool.types().get(q.id()).grade(question, answers.get(q.id()));
                score += grade.points();
                maxScore += grade.maxPoints();
                results.add(new AttemptResult.QuestionResult(q.id(), grade.correct(), grade.points(), grade.feedback()));
                Sql.update(c, "update quiz_attempt_question set points = ?, correct = ?, feedback = ? where attempt = ? and question = ?",
                        grade.points(), grade.correct(), write(grade.feedback()), attemptId, q.id());
            }
            boolean passed = score + EPSILON >= pool.quiz().passScore() * maxScore;
            Instant submittedAt = now();
            Sql.update(c, "update quiz_attempt set submitted_at = ?, score = ?, max_score = ?, passed = ? where id = ?", submittedAt, score,
                    maxScore, passed, attemptId);
            AttemptResult result = new AttemptResult(score, maxScore, passed, results);
            submitted[0] = new Submitted(attempt.quiz(), submittedAt, result);
            return result;
        });
        if (submitted[0] != null) {
            for (AttemptListener listener : listeners) {
                try {
                    listener.submitted(personId, submitted[0].quiz(), attemptId, graded, submitted[0].at());
                } catch (RuntimeException e) {
                    LOG.error("An attempt listener failed on attempt {} at {}", attemptId, submitted[0].quiz(), e);
                }
            }
        }
        return graded;
    }

    /** The questions of an attempt, in the order shown, with their grades once submitted. */
    private static List<Asked> asked(Connection c, String attemptId) throws SQLException {
        return Sql.list(c, "select question, presented, points, correct, feedback from quiz_attempt_question"
                + " where attempt = ? order by position", r -> new Asked(r.getString("question"), read(r.getString("presented"),
                        Presented.class), (Double) r.getObject("points", Double.class), (Boolean) r.getObject("correct", Boolean.class),
                        r.getString("feedback") == null ? List.of() : readTexts(r.getString("feedback"))), attemptId);
    }

    private static List<AttemptResult.QuestionResult> results(List<Asked> asked) {
        return asked.stream().map(q -> new AttemptResult.QuestionResult(q.id(), Boolean.TRUE.equals(q.correct()),
                q.points() == null ? 0 : q.points(), q.feedback())).toList();
    }

    /**
     * The learner's attempt, its row locked until the transaction ends so that a save and a
     * submission of the same attempt take turns; someone else's is not found.
     */
    private static Attempt lock(Connection c, String personId, String attemptId) throws SQLException {
        return Sql.one(c, "select id, quiz, deadline, submitted_at, score, max_score, passed from quiz_attempt"
                + " where id = ? and person = ? for update", r -> new Attempt(r.getString("id"), r.getString("quiz"),
                        Sql.instant(r, "deadline"), Sql.instant(r, "submitted_at"), r.getDouble("score"), r.getDouble("max_score"),
                        r.getBoolean("passed")), attemptId, personId)
                .orElseThrow(() -> new AttemptException(Reason.NOT_FOUND, "There is no attempt " + attemptId + "."));
    }

    private static String write(Object value) {
        try {
            return STORED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return STORED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the attempt tables: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> readTexts(String json) {
        try {
            return STORED.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the attempt tables: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean passed(String personId, String quizGlobalId) {
        return sql.one("select id from quiz_attempt where person = ? and quiz = ? and passed = true fetch first 1 rows only",
                r -> r.getString(1), personId, quizGlobalId).isPresent();
    }

    private static final String SUMMARY_COLUMNS = "id, quiz, number, started_at, deadline, submitted_at, score, max_score, passed";

    private AttemptSummary summary(ResultSet r) throws SQLException {
        Instant deadline = Sql.instant(r, "deadline");
        Instant submittedAt = Sql.instant(r, "submitted_at");
        AttemptSummary.State state = submittedAt != null ? AttemptSummary.State.SUBMITTED
                : deadline != null && now().isAfter(deadline) ? AttemptSummary.State.TIME_UP : AttemptSummary.State.OPEN;
        boolean graded = submittedAt != null;
        return new AttemptSummary(r.getString("id"), r.getString("quiz"), r.getInt("number"), state, Sql.instant(r, "started_at"),
                deadline, submittedAt, graded ? r.getDouble("score") : null, graded ? r.getDouble("max_score") : null,
                graded ? r.getBoolean("passed") : null);
    }

    @Override
    public List<AttemptSummary> attempts(String personId, String quizGlobalId) {
        return sql.list("select " + SUMMARY_COLUMNS + " from quiz_attempt where person = ? and quiz = ? order by number", this::summary,
                personId, quizGlobalId);
    }

    @Override
    public AttemptDetail attempt(String personId, String attemptId) {
        return sql.transaction(c -> {
            AttemptSummary summary = Sql.one(c, "select " + SUMMARY_COLUMNS + " from quiz_attempt where id = ? and person = ?",
                    this::summary, attemptId, personId)
                    .orElseThrow(() -> new AttemptException(Reason.NOT_FOUND, "There is no attempt " + attemptId + "."));
            List<Asked> asked = asked(c, attemptId);
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> saved : Sql.list(c, "select question, answer from quiz_attempt_answer where attempt = ?",
                    r -> Map.entry(r.getString("question"), read(r.getString("answer"), JsonNode.class)), attemptId)) {
                answers.put(saved.getKey(), saved.getValue());
            }
            AttemptResult result = summary.state() == AttemptSummary.State.SUBMITTED
                    ? new AttemptResult(summary.score(), summary.maxScore(), summary.passed(), results(asked)) : null;
            return new AttemptDetail(summary, asked.stream().map(Asked::presented).toList(), answers, result);
        });
    }
}
