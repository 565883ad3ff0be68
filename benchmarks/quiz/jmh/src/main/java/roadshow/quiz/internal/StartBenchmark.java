package roadshow.quiz.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

import roadshow.quiz.api.QuizAttempt;

/**
 * Starting an attempt in-process: {@link AttemptStore#start} (the quiz's questions prepared by their types, ten
 * drawn and shuffled, the attempts used counted, eleven rows inserted, the commit to the H2 file). For comparing
 * with the HTTP figure: what the store alone allows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class StartBenchmark {

    @Param("benchmarks/target/quiz/com.bench.quiz.jar")
    public String contentJar;

    @Param("bench/timed-check")
    public String quiz;

    /** Roadshow's default database URL (the launcher's); {folder} is a new temporary folder. Others only for experiments. */
    @Param("jdbc:h2:file:{folder}/roadshow;WRITE_DELAY=0")
    public String url;

    private QuizDatabase db;

    @Setup(Level.Trial)
    public void open() throws IOException {
        db = new QuizDatabase(Path.of(contentJar), quiz, 10, url);
    }

    @Benchmark
    public QuizAttempt start() {
        return db.store.start(db.nextPerson(), db.quiz.globalId());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
    }
}
