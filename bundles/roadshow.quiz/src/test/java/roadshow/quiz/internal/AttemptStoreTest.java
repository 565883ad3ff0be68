package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roadshow.quiz.internal.Json.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import roadshow.content.api.Question;
import roadshow.content.api.Quiz;
import roadshow.quiz.api.AttemptException;
import roadshow.quiz.api.AttemptException.Reason;
import roadshow.quiz.api.AttemptResult;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuizAttempt;
import roadshow.store.api.Sql;

/**
 * Attempts on a fresh in-memory H2 database migrated by Flyway from the bundle's own
 * {@code db/quiz}, as roadshow.store's schema extender does in the framework, with quizzes
 * built as the content extender would give them and a clock the test moves.
 */
class AttemptStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ANN = "person-ann";
    private static final String BOB = "person-bob";

    /** A clock the test sets. */
    private static final class TestClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final Map<String, Quiz> served = new HashMap<>();
    private final Sql sql = new Sql(migrated());
    private final AttemptStore attempts = new AttemptStore(sql, builtInTypes(),
            id -> Optional.ofNullable(served.get(id)).map(quiz -> new QuizSource.Served(quiz, "1.0.0", List.of())), clock);

    private static JdbcDataSource migrated() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).table("schema_history_roadshow_quiz").locations("classpath:db/quiz").load().migrate();
        return database;
    }

    private static RegisteredQuestionTypes builtInTypes() {
        RegisteredQuestionTypes types = new RegisteredQuestionTypes();
        types.addType(new SingleChoice(), Map.of());
        types.addType(new TrueFalse(), Map.of());
        return types;
    }

    /** A single-choice question whose right choice is {@code a}, with feedback on each choice. */
    private static Question single(String id) {
        return new Question(id, "single", 1, "Question " + id + "?", Map.of("id", id, "type", "single", "points", 1L,
                "prompt", "Question " + id + "?", "choices", List.of(
                        Map.of("id", "a", "text", "Right " + id, "correct", true, "feedback", "SECRET-FEEDBACK-right"),
                        Map.of("id", "b", "text", "Wrong " + id, "feedback", "SECRET-FEEDBACK-wrong"),
                        Map.of("id", "c", "text", "Other " + id))));
    }

    private static List<Question> pool(int size) {
        List<Question> questions = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            questions.add(single("q" + i));
        }
        return questions;
    }

    /** Serves a quiz of acme's. */
    private String serve(String id, double passScore, Duration timeLimit, int maxAttempts, int draw, boolean shuffle,
            List<Question> questions) {
        Quiz quiz = new Quiz(id, "acme", "Quiz " + id, passScore, timeLimit, maxAttempts, draw, shuffle, questions);
        served.put(quiz.globalId(), quiz);
        return quiz.globalId();
    }

    private static List<String> ids(QuizAttempt attempt) {
        return attempt.questions().stream().map(Presented::id).toList();
    }

    private int savedAnswers(String attempt) {
        return sql.one("select count(*) from quiz_attempt_answer where attempt = ?", r -> r.getInt(1), attempt).orElseThrow();
    }

    @Test
    void anAttemptDrawsItsQuestionsOnceAndKeepsThem() {
        String quiz = serve("draw", 0.5, null, 0, 3, true, pool(6));
        Set<List<String>> draws = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            QuizAttempt attempt = attempts.start(ANN, quiz);
            assertThat(attempt.questions()).hasSize(3);
            assertThat(Set.copyOf(ids(attempt))).hasSize(3).isSubsetOf("q1", "q2", "q3", "q4", "q5", "q6");
            draws.add(ids(attempt));
        }
        assertThat(draws).as("draws differ between attempts").hasSizeGreaterThan(1);

        QuizAttempt attempt = attempts.start(ANN, quiz);
        String notDrawn = List.of("q1", "q2", "q3", "q4", "q5", "q6").stream().filter(q -> !ids(attempt).contains(q)).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), notDrawn, answer("{'choice': 'a'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        for (String q : ids(attempt)) {
            attempts.saveAnswer(ANN, attempt.attempt(), q, answer("{'choice': 'a'}"));
        }
        AttemptResult result = attempts.submit(ANN, attempt.attempt());
        assertThat(result.questions()).extracting(AttemptResult.QuestionResult::id).containsExactlyElementsOf(ids(attempt));
        assertThat(result.score()).isEqualTo(3.0);
        assertThat(result.maxScore()).isEqualTo(3.0);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void withoutShuffleTheDrawnQuestionsKeepTheirWrittenOrder() {
        String quiz = serve("ordered", 0.5, null, 0, 4, false, pool(8));
        for (int i = 0; i < 10; i++) {
            List<String> shown = ids(attempts.start(ANN, quiz));
            assertThat(shown).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
        }
    }

    @Test
    void noMoreAttemptsThanTheQuizAllows() {
        String quiz = serve("limited", 0.5, null, 2, 0, false, pool(2));
        attempts.start(ANN, quiz);
        attempts.start(ANN, quiz);
        assertThatThrownBy(() -> attempts.start(ANN, quiz)).isInstanceOf(AttemptException.class)
                .extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NO_ATTEMPTS_LEFT);
        assertThat(attempts.start(BOB, quiz).questions()).hasSize(2);
    }

    @Test
    void aQuizNotServedIsNotFound() {
        assertThatThrownBy(() -> attempts.start(ANN, "acme/nothing")).isInstanceOf(AttemptException.class)
                .extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void theDeadlineIsTheTimeLimitAfterTheStartAndLateAnswersAreRefused() {
        String quiz = serve("timed", 0.5, Duration.ofMinutes(15), 0, 0, false, pool(3));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        assertThat(attempt.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(15)));

        clock.move(Duration.ofMinutes(10));
        attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'a'}"));
        clock.move(Duration.ofMinutes(5));
        attempts.saveAnswer(ANN, attempt.attempt(), "q2", answer("{'choice': 'a'}")); // at the deadline: still in time
        clock.move(Duration.ofSeconds(1));
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'b'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.CLOSED);
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), "q3", answer("{'choice': 'a'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.CLOSED);

        AttemptResult result = attempts.submit(ANN, attempt.attempt());
        assertThat(result.questions()).extracting(AttemptResult.QuestionResult::correct).containsExactly(true, true, false);
        assertThat(result.score()).isEqualTo(2.0);
        assertThat(result.maxScore()).isEqualTo(3.0);
    }

    @Test
    void submissionGradesOnlyAnswersSavedByTheDeadline() {
        String quiz = serve("late", 0.5, Duration.ofMinutes(5), 0, 0, false, pool(2));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'a'}"));
        // however a late answer got into the table, it is not graded
        sql.update("insert into quiz_attempt_answer (attempt, question, answer, saved_at) values (?, ?, ?, ?)", attempt.attempt(),
                "q2", "{\"choice\": \"a\"}", T0.plus(Duration.ofMinutes(6)));
        clock.move(Duration.ofHours(1));

        AttemptResult result = attempts.submit(ANN, attempt.attempt());
        assertThat(result.questions()).extracting(AttemptResult.QuestionResult::correct).containsExactly(true, false);
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void anAnswerOfTheWrongShapeIsRefusedAndNothingIsSaved() {
        String quiz = serve("shape", 0.5, null, 0, 0, false, pool(2));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choices': ['a']}")))
                .isInstanceOf(AttemptException.class).satisfies(e -> {
                    assertThat(((AttemptException) e).reason()).isEqualTo(Reason.INVALID_ANSWER);
                    assertThat(((AttemptException) e).problems()).isNotEmpty();
                });
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'z'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(savedAnswers(attempt.attempt())).isZero();

        attempts.saveAnswer(ANN, attempt.attempt(), "q2", answer("{'choice': 'a'}"));
        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), "q2", answer("\"a\"")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(attempts.submit(ANN, attempt.attempt()).questions()).extracting(AttemptResult.QuestionResult::correct)
                .containsExactly(false, true);
    }

    @Test
    void savingTheSameAnswerAgainReplacesIt() {
        String quiz = serve("autosave", 0.5, null, 0, 0, false, pool(1));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'b'}"));
        attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'a'}"));
        attempts.saveAnswer(ANN, attempt.attempt(), "q1", answer("{'choice': 'a'}"));
        assertThat(savedAnswers(attempt.attempt())).isEqualTo(1);
        assertThat(attempts.submit(ANN, attempt.attempt()).score()).isEqualTo(1.0);
    }

    @Test
    void anotherPersonsAttemptIsNotFound() {
        String quiz = serve("mine", 0.5, null, 0, 0, false, pool(1));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        assertThatThrownBy(() -> attempts.saveAnswer(BOB, attempt.attempt(), "q1", answer("{'choice': 'b'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> attempts.submit(BOB, attempt.attempt())).isInstanceOf(AttemptException.class)
                .extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> attempts.submit(ANN, "no-such-attempt")).isInstanceOf(AttemptException.class)
                .extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(savedAnswers(attempt.attempt())).isZero();
        assertThat(attempts.submit(ANN, attempt.attempt()).questions()).hasSize(1);
    }

    @Test
    void submittingAgainReturnsTheSameResultAndTheAttemptTakesNoMoreAnswers() {
        String quiz = serve("again", 0.5, Duration.ofMinutes(30), 0, 0, true, pool(3));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        attempts.saveAnswer(ANN, attempt.attempt(), ids(attempt).get(0), answer("{'choice': 'a'}"));
        attempts.saveAnswer(ANN, attempt.attempt(), ids(attempt).get(1), answer("{'choice': 'b'}"));
        AttemptResult first = attempts.submit(ANN, attempt.attempt());

        assertThatThrownBy(() -> attempts.saveAnswer(ANN, attempt.attempt(), ids(attempt).get(1), answer("{'choice': 'a'}")))
                .isInstanceOf(AttemptException.class).extracting(e -> ((AttemptException) e).reason()).isEqualTo(Reason.CLOSED);
        clock.move(Duration.ofDays(1));
        AttemptResult second = attempts.submit(ANN, attempt.attempt());
        assertThat(second).isEqualTo(first);
        assertThat(first.questions()).extracting(AttemptResult.QuestionResult::feedback)
                .containsExactly(List.of("SECRET-FEEDBACK-right"), List.of("SECRET-FEEDBACK-wrong"), List.of());
        assertThat(first.score()).isEqualTo(1.0);
        assertThat(first.passed()).isFalse();
    }

    @Test
    void passedIsAScoreReachingThePassScoreFractionOfThePoints() {
        String quiz = serve("pass", 0.7, null, 0, 0, false, pool(10));
        QuizAttempt attempt = attempts.start(ANN, quiz);
        for (int i = 0; i < 7; i++) {
            attempts.saveAnswer(ANN, attempt.attempt(), ids(attempt).get(i), answer("{'choice': 'a'}"));
        }
        AttemptResult result = attempts.submit(ANN, attempt.attempt());
        assertThat(result.score()).isEqualTo(7.0);
        assertThat(result.passed()).as("7 of 10 at 0.7, though 0.7 * 10 > 7 in doubles").isTrue();

        QuizAttempt short1 = attempts.start(ANN, quiz);
        for (int i = 0; i < 6; i++) {
            attempts.saveAnswer(ANN, short1.attempt(), ids(short1).get(i), answer("{'choice': 'a'}"));
        }
        assertThat(attempts.submit(ANN, short1.attempt()).passed()).isFalse();
    }

    @Test
    void theStartResponseHoldsNoAnswer() throws Exception {
        List<Question> questions = new ArrayList<>(pool(2));
        questions.add(new Question("tf", "truefalse", 1, "Is it?", Map.of("id", "tf", "type", "truefalse", "prompt", "Is it?",
                "answer", true)));
        String quiz = serve("secret", 0.5, Duration.ofMinutes(15), 0, 0, true, questions);
        QuizAttempt attempt = attempts.start(ANN, quiz);

        String json = roadshow.web.api.Json.MAPPER.writeValueAsString(attempt);
        assertThat(json).contains("\"attempt\":\"" + attempt.attempt() + "\"", "\"deadline\":\"2026-03-02T09:15:00Z\"",
                "\"questions\":[", "Right q1", "Wrong q1");
        assertThat(json).doesNotContain("correct", "feedback", "SECRET", "answer", ":true", "answers");
        assertThat(attempt.attempt()).hasSizeGreaterThanOrEqualTo(22);
    }
}
