package roadshow.quiz.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import roadshow.quiz.api.AttemptResult;

/**
 * Grading and committing one submission in-process: {@link AttemptStore#submit} of an attempt whose every
 * question has a saved answer (the lock of its row, its questions and answers read, each answer graded by its
 * question type, the grades and the score written, the commit to the H2 file).
 *
 * <p>A submission can be made only once, so each iteration is a batch of prepared attempts: before every
 * iteration (not timed) threads x batch attempts are started and answered through the same store; the iteration
 * then submits them all ({@code SingleShotTime}: the time of the whole batch per thread). Submissions per second
 * = threads x batch / that time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, batchSize = 500)
@Measurement(iterations = 5, batchSize = 500)
@Fork(1)
public class SubmitBenchmark {

    /** The content bundle holding the quiz (benchmarks/quiz.sh builds it from benchmarks/quiz/content). */
    @Param("benchmarks/target/quiz/com.bench.quiz.jar")
    public String contentJar;

    @Param("bench/timed-check")
    public String quiz;

    /** Roadshow's default database URL (the launcher's); {folder} is a new temporary folder. Others only for experiments. */
    @Param("jdbc:h2:file:{folder}/roadshow;WRITE_DELAY=0")
    public String url;

    private QuizDatabase db;
    private final ConcurrentLinkedQueue<String[]> ready = new ConcurrentLinkedQueue<>();

    @Setup(Level.Trial)
    public void open() throws IOException {
        db = new QuizDatabase(Path.of(contentJar), quiz, 10, url);
    }

    @Setup(Level.Iteration)
    public void prepare(BenchmarkParams benchmark, IterationParams iteration) {
        ready.clear();
        int count = benchmark.getThreads() * iteration.getBatchSize();
        IntStream.range(0, count).parallel().forEach(i -> ready.add(db.prepared()));
    }

    @Benchmark
    public AttemptResult submit() {
        String[] attempt = ready.poll();
        if (attempt == null) {
            throw new IllegalStateException("no prepared attempt left");
        }
        return db.store.submit(attempt[0], attempt[1]);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
    }
}
