package roadshow.quiz.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import roadshow.content.api.Quiz;
import roadshow.content.internal.ContentLimits;
import roadshow.content.internal.ContentReader;
import roadshow.content.internal.JarContentSource;
import roadshow.content.internal.Verdict;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuizAttempt;
import roadshow.store.api.Sql;

/**
 * The quiz store as Roadshow runs it, without the framework: Roadshow's {@link AttemptStore} on an H2 file
 * database with {@code WRITE_DELAY=0} (the launcher's default URL) behind a HikariCP pool of 10 (roadshow.store's
 * default), its tables made by Flyway from the quiz bundle's own {@code db/quiz}, the seven built-in question
 * types, and the quiz read from the benchmark's content bundle by Roadshow's own content reader.
 */
final class QuizDatabase implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path folder;
    final HikariDataSource pool;
    final AttemptStore store;
    final Quiz quiz;
    private final AtomicLong persons = new AtomicLong();

    QuizDatabase(Path contentJar, String quizId, int poolSize, String url) throws IOException {
        quiz = readQuiz(contentJar, quizId);
        folder = Files.createTempDirectory("quiz-jmh-");
        JdbcDataSource h2 = new JdbcDataSource();
        // {folder} is this run's new temporary folder
        h2.setURL(url.replace("{folder}", folder.toString()));
        HikariConfig config = new HikariConfig();
        config.setPoolName("roadshow");
        config.setMaximumPoolSize(poolSize);
        config.setDataSource(h2);
        pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).table("schema_history_roadshow_quiz").locations("classpath:db/quiz").load().migrate();
        RegisteredQuestionTypes types = new RegisteredQuestionTypes();
        for (var type : List.of(new SingleChoice(), new MultipleChoice(), new TrueFalse(), new NumericAnswer(), new TextAnswer(),
                new Ordering(), new Matching())) {
            types.addType(type, Map.of());
        }
        store = new AttemptStore(new Sql(pool), types, source(quiz), Clock.systemUTC());
    }

    /**
     * The quiz source, serving the one quiz at version 1.0.0. Built reflectively, as {@code QuizSource} and its
     * {@code Served} record are internal and change with the code being measured: every other component of
     * {@code Served} gets an empty list (the courses of the bundle, in later versions) or null.
     */
    private static QuizSource source(Quiz quiz) {
        try {
            var constructor = QuizSource.Served.class.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Class<?>[] types = constructor.getParameterTypes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = types[i] == Quiz.class ? quiz : types[i] == String.class ? "1.0.0" : types[i] == List.class ? List.of() : null;
            }
            Object served = constructor.newInstance(args);
            return (QuizSource) java.lang.reflect.Proxy.newProxyInstance(QuizSource.class.getClassLoader(), new Class<?>[] {QuizSource.class},
                    (proxy, method, margs) -> switch (method.getName()) {
                        case "quiz" -> margs[0].equals(quiz.globalId()) ? Optional.of(served) : Optional.empty();
                        case "toString" -> "QuizSource(" + quiz.globalId() + ")";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == margs[0];
                        default -> method.getReturnType() == Optional.class ? Optional.empty()
                                : method.getReturnType() == List.class ? List.of() : null;
                    });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a QuizSource of this version of roadshow.quiz", e);
        }
    }

    private static Quiz readQuiz(Path contentJar, String globalId) throws IOException {
        try (JarContentSource jar = JarContentSource.open(contentJar)) {
            Verdict verdict = new ContentReader(ContentLimits.DEFAULTS).read(jar);
            if (!(verdict instanceof Verdict.Accepted accepted)) {
                throw new IllegalStateException(contentJar + " was refused: " + verdict);
            }
            return accepted.curriculum().quizzes().stream().filter(q -> q.globalId().equals(globalId)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no quiz " + globalId + " in " + contentJar));
        }
    }

    /** A learner id; 20,000 of them in turn, so that none comes near the quiz's 100 attempts. */
    String nextPerson() {
        return "bench-person-" + persons.getAndIncrement() % 20_000;
    }

    /** Starts an attempt for a new learner and saves an answer to each of its questions; returns {person, attempt}. */
    String[] prepared() {
        String person = nextPerson();
        QuizAttempt attempt = store.start(person, quiz.globalId());
        for (Presented q : attempt.questions()) {
            store.saveAnswer(person, attempt.attempt(), q.id(), answer(q));
        }
        return new String[] {person, attempt.attempt()};
    }

    /** The same answers as benchmarks/quiz/QuizBench.java gives over HTTP. */
    static com.fasterxml.jackson.databind.JsonNode answer(Presented q) {
        var node = JSON.createObjectNode();
        switch (q.type()) {
            case "single" -> node.put("choice", q.choices().get(0).id());
            case "multiple" -> node.putArray("choices").add(q.choices().get(0).id()).add(q.choices().get(1).id());
            case "truefalse" -> node.put("value", true);
            case "numeric" -> node.put("value", 7.6);
            case "text" -> node.put("text", "linux");
            case "ordering" -> {
                var order = node.putArray("order");
                q.items().stream().map(Option::id).forEach(order::add);
            }
            case "matching" -> {
                var pairs = node.putObject("pairs");
                for (int i = 0; i < q.left().size(); i++) {
                    pairs.put(q.left().get(i).id(), q.right().get(i).id());
                }
            }
            default -> throw new IllegalArgumentException(q.type());
        }
        return node;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
