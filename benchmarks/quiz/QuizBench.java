import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The client side of {@code benchmarks/quiz.sh}: a single-file program (run with {@code java QuizBench.java})
 * with these commands.
 *
 * <ul>
 * <li>{@code learners}: the platform admin registers learners through {@code POST /api/v1/users}, and each
 * logs in through {@code POST /api/v1/session}; writes their session cookies and CSRF tokens to a TSV file.
 * Not timed as a figure (its rate is printed).</li>
 * <li>{@code starts}: synchronized quiz starts. For each run it opens N keep-alive connections to Roadshow,
 * one per learner, sends one {@code GET /api/v1/session} on each (the learner's page having been loaded:
 * the connection is accepted and warm, the session checked), then releases N
 * {@code POST /api/v1/quizzes/{vendor}/{quiz}/attempts}, one per learner and connection, all at once: one
 * thread writes the N requests one after another as fast as the sockets take them (a few ms for 3,000) and
 * then reads the answers as they come. Each request's latency runs from just before its own write to the
 * last byte of its answer; the wall time from the first write to the last answer.</li>
 * <li>{@code jfr}, {@code threads}: summaries of a JFR recording and of a thread dump of the server, for
 * {@code quiz.sh --diagnose};</li>
 * <li>{@code report}: the Markdown of the figures block of BENCHMARKS.md from a results folder;</li>
 * <li>{@code submissions}: prepares attempts (start, then one {@code PUT} per question with an answer of the
 * right shape), then submits them from C keep-alive connections in a closed loop (each connection sends
 * the next submission as soon as the previous one is answered) for a fixed time, counting 200s per
 * second.</li>
 * </ul>
 *
 * The HTTP client of {@code starts} and {@code submissions} is a hand-written HTTP/1.1 client on Java NIO,
 * one selector thread for every connection, so that the client takes as little as possible of the two
 * cores it shares with the server; it reads {@code Content-Length} and chunked bodies. Every row written
 * also carries the CPU time the server, this client and every other process used during the run, and the
 * load average at its start, from Linux's {@code /proc}.
 */
@SuppressWarnings("unchecked")
public class QuizBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java QuizBench.java learners|starts|submissions|jfr|threads|report --option value ...");
            System.exit(2);
        }
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "learners" -> learners(o);
            case "starts" -> starts(o);
            case "submissions" -> submissions(o);
            case "jfr" -> Diagnose.jfr(Path.of(need(o, "file")), o.containsKey("window") ? Path.of(o.get("window")) : null);
            case "threads" -> {
                for (String f : need(o, "files").split(",")) {
                    Diagnose.threads(Path.of(f));
                    System.out.println();
                }
            }
            case "report" -> Report.write(Path.of(need(o, "results")));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------ learners

    /** A learner with a live session: what the timed commands send as cookie and CSRF header. */
    record Learner(String email, String session, String csrf) {
    }

    static List<Learner> readLearners(Path file) throws IOException {
        List<Learner> learners = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("email\t")) {
                String[] f = line.split("\t");
                learners.add(new Learner(f[0], f[1], f[2]));
            }
        }
        return learners;
    }

    private static void learners(Map<String, String> o) throws Exception {
        URI base = URI.create(need(o, "url"));
        int count = Integer.parseInt(need(o, "count"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        String password = o.getOrDefault("password", "learner-password-123");
        Path out = Path.of(need(o, "out"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> admin = post(http, base, "/api/v1/session", null, null,
                "{\"email\":" + Json.quote(need(o, "admin-email")) + ",\"password\":" + Json.quote(need(o, "admin-password")) + "}");
        if (admin.statusCode() != 200) {
            throw new IllegalStateException("admin log-in answered " + admin.statusCode() + ": " + admin.body());
        }
        String adminSession = sessionCookie(admin);
        String adminCsrf = (String) ((Map<?, ?>) Json.parse(admin.body())).get("csrfToken");

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String email = String.format(Locale.ROOT, "learner%05d@bench.test", i);
            String name = String.format(Locale.ROOT, "Learner %05d", i);
            created.add(pool.submit(() -> {
                HttpResponse<String> r = post(http, base, "/api/v1/users", adminSession, adminCsrf, "{\"email\":" + Json.quote(email)
                        + ",\"name\":" + Json.quote(name) + ",\"password\":" + Json.quote(password) + "}");
                if (r.statusCode() != 201 && r.statusCode() != 409) {
                    throw new IllegalStateException("registering " + email + " answered " + r.statusCode() + ": " + r.body());
                }
                return null;
            }));
        }
        for (Future<?> f : created) {
            f.get();
        }
        long t1 = System.nanoTime();
        List<Future<Learner>> logins = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String email = String.format(Locale.ROOT, "learner%05d@bench.test", i);
            logins.add(pool.submit(() -> {
                HttpResponse<String> r = post(http, base, "/api/v1/session", null, null,
                        "{\"email\":" + Json.quote(email) + ",\"password\":" + Json.quote(password) + "}");
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("log-in of " + email + " answered " + r.statusCode() + ": " + r.body());
                }
                return new Learner(email, sessionCookie(r), (String) ((Map<?, ?>) Json.parse(r.body())).get("csrfToken"));
            }));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("email\tsession\tcsrf");
            for (Future<Learner> f : logins) {
                Learner l = f.get();
                w.println(l.email() + "\t" + l.session() + "\t" + l.csrf());
            }
        }
        long t2 = System.nanoTime();
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d learners registered in %.1f s (%.0f/s), logged in in %.1f s (%.0f/s), %d threads%n", count,
                (t1 - t0) / 1e9, count / ((t1 - t0) / 1e9), (t2 - t1) / 1e9, count / ((t2 - t1) / 1e9), threads);
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String session, String csrf, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Cookie", "roadshow-session=" + session);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> r) {
        for (String c : r.headers().allValues("set-cookie")) {
            if (c.startsWith("roadshow-session=")) {
                return c.substring("roadshow-session=".length()).split(";", 2)[0];
            }
        }
        throw new IllegalStateException("no roadshow-session cookie in " + r.headers().map());
    }

    // ------------------------------------------------------------------------------------------ HTTP requests

    static byte[] request(String method, String host, String path, Learner learner, String body) {
        StringBuilder s = new StringBuilder(400).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nAccept: application/json\r\nCookie: roadshow-session=").append(learner.session()).append("\r\n");
        if (body != null) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            s.append("X-CSRF-Token: ").append(learner.csrf()).append("\r\nContent-Type: application/json\r\nContent-Length: ")
                    .append(b.length).append("\r\n\r\n").append(body);
        } else {
            s.append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ starts

    private static void starts(Map<String, String> o) throws Exception {
        URI base = URI.create(need(o, "url"));
        List<Learner> learners = readLearners(Path.of(need(o, "learners")));
        String quiz = need(o, "quiz");
        int[] sizes = Arrays.stream(need(o, "sizes").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        int warmupRounds = Integer.parseInt(o.getOrDefault("warmup-rounds", "2"));
        long pid = Long.parseLong(need(o, "pid"));
        int quietWait = Integer.parseInt(o.getOrDefault("quiet-wait", "20"));
        int pause = Integer.parseInt(o.getOrDefault("pause", "3"));
        Path out = Path.of(need(o, "out"));
        boolean header = !Files.exists(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            if (header) {
                w.println("round\tn\tok_201\terrors\terror_kinds\tp50_ms\tp90_ms\tp99_ms\tmax_ms\twall_ms\trelease_ms\tserver_cpu_ms"
                        + "\tclient_cpu_ms\tothers_cpu_ms\tsteal_ms\tloadavg_1m\tquiet_wait_s\tdisturbed\tutc");
            }
            // Warm-up rounds first, not counted: the server's JIT needs several thousand starts before its CPU per start
            // settles (the first round of 3,000 after a single burst of 500 took twice the CPU of the third).
            List<int[]> plan = new ArrayList<>();
            for (int r = 1; r <= warmupRounds; r++) {
                for (int n : sizes) {
                    plan.add(new int[] {-r, n});
                }
            }
            for (int r = 1; r <= runs; r++) {
                for (int n : sizes) {
                    plan.add(new int[] {r, n});
                }
            }
            for (int[] step : plan) {
                int n = step[1];
                if (n > learners.size()) {
                    throw new IllegalArgumentException(n + " learners wanted, " + learners.size() + " in the file");
                }
                // A run during which other processes took more than 500 ms of CPU or a tenth of the server's is kept,
                // marked disturbed, and done again (at most twice more); the report leaves disturbed runs out.
                for (int attempt = 1; ; attempt++) {
                    Burst b = burst(base, learners.subList(0, n), quiz, pid, quietWait, new Probes(o, "starts-" + n, pid));
                    boolean disturbed = b.othersCpu > Math.max(500, b.serverCpu / 10);
                    boolean retry = disturbed && attempt < 3 && step[0] > 0;
                    String row = String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\t%d\t%s\t%.0f\t%s\t%s",
                            step[0] < 0 ? "warm-up " + -step[0] : Integer.toString(step[0]), n, b.ok, n - b.ok, b.errorKinds(), b.pct(0.50), b.pct(0.90),
                            b.pct(0.99), b.pct(1.0), b.wallMs, b.releaseMs, b.serverCpu, b.clientCpu, b.othersCpu, b.steal, b.load, b.quietWaited,
                            retry ? "yes" : disturbed ? (step[0] > 0 ? "yes, kept (3rd try)" : "yes") : "no", Instant.now().toString().substring(0, 19));
                    w.println(row);
                    System.out.println(row);
                    Thread.sleep(pause * 1000L);
                    if (!retry) {
                        break;
                    }
                }
            }
        }
    }

    /** What one release of N starts gave. */
    static final class Burst {
        double[] latencies;
        int ok;
        final Map<String, Integer> errors = new TreeMap<>();
        double wallMs;
        double releaseMs;
        long serverCpu;
        long clientCpu;
        long othersCpu;
        long steal;
        String load;
        double quietWaited;

        double pct(double p) {
            return percentile(latencies, p);
        }

        String errorKinds() {
            if (errors.isEmpty()) {
                return "-";
            }
            StringBuilder s = new StringBuilder();
            errors.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('x').append(v));
            return s.toString();
        }
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Burst burst(URI base, List<Learner> learners, String quiz, long pid, int quietWait, Probes probes) throws Exception {
        int n = learners.size();
        String host = base.getHost() + ":" + base.getPort();
        Burst b = new Burst();
        try (Engine engine = new Engine(new InetSocketAddress(base.getHost(), base.getPort()))) {
            List<Conn> conns = engine.open(n);
            // Each learner's connection warm: one GET of its session, at most 64 at a time.
            int[] warm = new int[2];
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                todo.add(i);
            }
            Consumer<Conn>[] next = new Consumer[1];
            next[0] = c -> {
                Integer i = todo.poll();
                if (i != null) {
                    engine.send(conns.get(i), request("GET", host, "/api/v1/session", learners.get(i), null), r -> {
                        if (r.status() == 200) {
                            warm[0]++;
                        } else {
                            warm[1]++;
                        }
                        next[0].accept(null);
                    });
                }
            };
            for (int k = 0; k < Math.min(64, n); k++) {
                next[0].accept(null);
            }
            engine.loop(() -> warm[0] + warm[1] == n, Duration.ofSeconds(120));
            if (warm[0] != n) {
                throw new IllegalStateException("warm-up: " + warm[0] + " of " + n + " sessions answered 200");
            }
            byte[][] starts = new byte[n][];
            for (int i = 0; i < n; i++) {
                starts[i] = request("POST", host, "/api/v1/quizzes/" + quiz + "/attempts", learners.get(i), "{}");
            }
            b.quietWaited = Cpu.awaitQuiet(quietWait, pid);
            b.load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            double[] lat = new double[n];
            int[] done = new int[1];
            long server0 = Cpu.processMillis(pid);
            long client0 = Cpu.processMillis(ProcessHandle.current().pid());
            long busy0 = Cpu.machineBusyMillis();
            long steal0 = Cpu.stealMillis();
            probes.begin();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                engine.send(conns.get(i), starts[i], r -> {
                    lat[k] = (r.receivedAt() - r.sentAt()) / 1e6;
                    if (r.status() == 201 && r.body().startsWith("{\"attempt\":")) {
                        b.ok++;
                    } else {
                        b.errors.merge(r.status() <= 0 ? r.failure() : Integer.toString(r.status()), 1, Integer::sum);
                    }
                    done[0]++;
                });
            }
            long released = System.nanoTime();
            engine.loop(() -> done[0] == n, Duration.ofSeconds(180));
            long t1 = System.nanoTime();
            probes.end();
            long server = Cpu.processMillis(pid) - server0;
            long client = Cpu.processMillis(ProcessHandle.current().pid()) - client0;
            b.serverCpu = server;
            b.clientCpu = client;
            b.othersCpu = Math.max(0, Cpu.machineBusyMillis() - busy0 - server - client);
            b.steal = Cpu.stealMillis() - steal0;
            if (done[0] < n) {
                b.errors.merge("no-answer", n - done[0], Integer::sum);
            }
            b.wallMs = (t1 - t0) / 1e6;
            b.releaseMs = (released - t0) / 1e6;
            b.latencies = lat;
        }
        return b;
    }

    // ------------------------------------------------------------------------------------------ submissions

    private static void submissions(Map<String, String> o) throws Exception {
        URI base = URI.create(need(o, "url"));
        List<Learner> learners = readLearners(Path.of(need(o, "learners")));
        String quiz = need(o, "quiz");
        int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
        int attempts = Integer.parseInt(need(o, "attempts"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        String round = o.getOrDefault("round", "1");
        long pid = Long.parseLong(need(o, "pid"));
        int quietWait = Integer.parseInt(o.getOrDefault("quiet-wait", "20"));
        Path out = Path.of(need(o, "out"));
        Path seconds_out = Path.of(o.getOrDefault("per-second-out", out + ".per-second.tsv"));
        String host = base.getHost() + ":" + base.getPort();

        try (Engine engine = new Engine(new InetSocketAddress(base.getHost(), base.getPort()))) {
            // --- preparation, not a figure: start attempts and save an answer to every question
            List<Conn> conns = engine.open(connections);
            record Prepared(Learner learner, String attempt) {
            }
            List<Prepared> prepared = new ArrayList<>();
            AtomicInteger nextLearner = new AtomicInteger();
            int[] saves = new int[2];
            int[] failures = new int[1];
            long p0 = System.nanoTime();
            long pServer0 = Cpu.processMillis(pid);
            Consumer<Conn>[] prepare = new Consumer[1];
            prepare[0] = c -> {
                if (prepared.size() + failures[0] + countInFlight(conns) >= attempts) {
                    return;
                }
                Learner l = learners.get(nextLearner.getAndIncrement() % learners.size());
                c.busy = true;
                engine.send(c, request("POST", host, "/api/v1/quizzes/" + quiz + "/attempts", l, "{}"), r -> {
                    if (r.status() != 201) {
                        failures[0]++;
                        System.err.println("start answered " + r.status() + ": " + r.body());
                        c.busy = false;
                        prepare[0].accept(c);
                        return;
                    }
                    Map<?, ?> attempt = (Map<?, ?>) Json.parse(r.body());
                    String id = (String) attempt.get("attempt");
                    ArrayDeque<String[]> answers = new ArrayDeque<>();
                    for (Object q : (List<?>) attempt.get("questions")) {
                        Map<?, ?> question = (Map<?, ?>) q;
                        answers.add(new String[] {(String) question.get("id"), answer(question)});
                    }
                    Runnable[] save = new Runnable[1];
                    save[0] = () -> {
                        String[] a = answers.poll();
                        if (a == null) {
                            prepared.add(new Prepared(l, id));
                            c.busy = false;
                            prepare[0].accept(c);
                            return;
                        }
                        engine.send(c, request("PUT", host, "/api/v1/attempts/" + id + "/answers/" + a[0], l, a[1]), s -> {
                            if (s.status() == 204) {
                                saves[0]++;
                            } else {
                                saves[1]++;
                                System.err.println("saving " + a[0] + " = " + a[1] + " answered " + s.status() + ": " + s.body());
                            }
                            save[0].run();
                        });
                    };
                    save[0].run();
                });
            };
            for (Conn c : conns) {
                prepare[0].accept(c);
            }
            engine.loop(() -> conns.stream().noneMatch(c -> c.busy), Duration.ofSeconds(1800));
            double prepSeconds = (System.nanoTime() - p0) / 1e9;
            long prepServer = Cpu.processMillis(pid) - pServer0;
            if (saves[1] > 0 || failures[0] > 0) {
                throw new IllegalStateException("preparation: " + failures[0] + " starts and " + saves[1] + " saves failed");
            }
            System.out.printf(Locale.ROOT, "prepared %d attempts in %.1f s: %d starts and %d answers saved (%.0f requests/s, server CPU %.1f s)%n",
                    prepared.size(), prepSeconds, prepared.size(), saves[0], (prepared.size() + saves[0]) / prepSeconds, prepServer / 1000.0);

            // --- the figure: submissions in a closed loop for a fixed time
            double quietWaited = Cpu.awaitQuiet(quietWait, pid);
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            ArrayDeque<Prepared> queue = new ArrayDeque<>(prepared);
            List<Double> lat = new ArrayList<>();
            Map<String, Integer> errors = new TreeMap<>();
            int[] perSecond = new int[seconds + 60];
            int[] ok = new int[1];
            long server0 = Cpu.processMillis(pid);
            long client0 = Cpu.processMillis(ProcessHandle.current().pid());
            long busy0 = Cpu.machineBusyMillis();
            long steal0 = Cpu.stealMillis();
            Probes probes = new Probes(o, "submissions", pid);
            probes.begin();
            long t0 = System.nanoTime();
            long stopAt = t0 + seconds * 1_000_000_000L;
            boolean[] ranOut = new boolean[1];
            Consumer<Conn>[] submit = new Consumer[1];
            submit[0] = c -> {
                Prepared p = queue.poll();
                if (p == null) {
                    ranOut[0] = true;
                }
                if (p == null || System.nanoTime() >= stopAt) {
                    c.busy = false;
                    return;
                }
                c.busy = true;
                engine.send(c, request("POST", host, "/api/v1/attempts/" + p.attempt() + "/submission", p.learner(), "{}"), r -> {
                    if (r.receivedAt() <= stopAt) {
                        lat.add((r.receivedAt() - r.sentAt()) / 1e6);
                        if (r.status() == 200 && r.body().startsWith("{\"score\":")) {
                            ok[0]++;
                            perSecond[(int) ((r.receivedAt() - t0) / 1_000_000_000L)]++;
                        } else {
                            errors.merge(r.status() <= 0 ? r.failure() : Integer.toString(r.status()), 1, Integer::sum);
                        }
                    }
                    submit[0].accept(c);
                });
            };
            for (Conn c : conns) {
                submit[0].accept(c);
            }
            engine.loop(() -> conns.stream().noneMatch(c -> c.busy), Duration.ofSeconds(seconds + 120L));
            probes.end();
            double window = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
            long server = Cpu.processMillis(pid) - server0;
            long client = Cpu.processMillis(ProcessHandle.current().pid()) - client0;
            long others = Math.max(0, Cpu.machineBusyMillis() - busy0 - server - client);
            long steal = Cpu.stealMillis() - steal0;
            double[] l = lat.stream().mapToDouble(Double::doubleValue).toArray();
            boolean header = !Files.exists(out);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
                if (header) {
                    w.println("round\tconnections\tseconds\tok_200\terrors\terror_kinds\tper_second\tp50_ms\tp99_ms\tmax_ms\tran_out"
                            + "\tserver_cpu_ms\tclient_cpu_ms\tothers_cpu_ms\tsteal_ms\tloadavg_1m\tquiet_wait_s\tprepared\tprep_s\tutc");
                }
                String kinds = errors.isEmpty() ? "-" : errors.toString().replace(" ", "");
                String row = String.format(Locale.ROOT, "%s\t%d\t%.1f\t%d\t%d\t%s\t%.0f\t%.1f\t%.1f\t%.1f\t%s\t%d\t%d\t%d\t%d\t%s\t%.0f\t%d\t%.1f\t%s",
                        round, connections, window, ok[0], errors.values().stream().mapToInt(Integer::intValue).sum(), kinds, ok[0] / window,
                        percentile(l, 0.5), percentile(l, 0.99), percentile(l, 1.0), ranOut[0] ? "yes" : "no", server, client, others, steal, load,
                        quietWaited, prepared.size(), prepSeconds, Instant.now().toString().substring(0, 19));
                w.println(row);
                System.out.println(row);
            }
            boolean h2 = !Files.exists(seconds_out);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(seconds_out, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                if (h2) {
                    w.println("round\tsecond\tok_200");
                }
                for (int s = 0; s < seconds; s++) {
                    w.println(round + "\t" + (s + 1) + "\t" + perSecond[s]);
                }
            }
        }
    }

    private static int countInFlight(List<Conn> conns) {
        int busy = 0;
        for (Conn c : conns) {
            busy += c.busy ? 1 : 0;
        }
        return busy;
    }

    /**
     * An answer of the right shape for a question as shown: the first choice (single), the first two (multiple),
     * true, 7.6, "linux", the items in the order shown, each left matched to the right shown beside it. Some
     * are right and most are wrong; grading does the same work either way.
     */
    static String answer(Map<?, ?> q) {
        return switch ((String) q.get("type")) {
            case "single" -> "{\"choice\":" + Json.quote(id(q, "choices", 0)) + "}";
            case "multiple" -> "{\"choices\":[" + Json.quote(id(q, "choices", 0)) + "," + Json.quote(id(q, "choices", 1)) + "]}";
            case "truefalse" -> "{\"value\":true}";
            case "numeric" -> "{\"value\":7.6}";
            case "text" -> "{\"text\":\"linux\"}";
            case "ordering" -> {
                StringBuilder s = new StringBuilder("{\"order\":[");
                List<?> items = (List<?>) q.get("items");
                for (int i = 0; i < items.size(); i++) {
                    s.append(i == 0 ? "" : ",").append(Json.quote(id(q, "items", i)));
                }
                yield s.append("]}").toString();
            }
            case "matching" -> {
                StringBuilder s = new StringBuilder("{\"pairs\":{");
                List<?> left = (List<?>) q.get("left");
                for (int i = 0; i < left.size(); i++) {
                    s.append(i == 0 ? "" : ",").append(Json.quote(id(q, "left", i))).append(':').append(Json.quote(id(q, "right", i)));
                }
                yield s.append("}}").toString();
            }
            default -> throw new IllegalArgumentException("no answer for type " + q.get("type"));
        };
    }

    private static String id(Map<?, ?> q, String list, int i) {
        return (String) ((Map<?, ?>) ((List<?>) q.get(list)).get(i)).get("id");
    }

    // ------------------------------------------------------------------------------------------ the NIO client

    /** One answer as the client read it; status 0 with a failure when the connection broke. */
    record Response(int status, String body, long sentAt, long receivedAt, String failure) {
    }

    /** A keep-alive connection, with the answer being read on it. */
    static final class Conn {
        final SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        byte[] in = new byte[8192];
        int inLength;
        long sentAt;
        Consumer<Response> onResponse;
        boolean busy;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** A selector thread's worth of HTTP/1.1 keep-alive connections to one server. */
    static final class Engine implements AutoCloseable {
        private final InetSocketAddress server;
        private final Selector selector;
        private final List<Conn> all = new ArrayList<>();
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

        Engine(InetSocketAddress server) throws IOException {
            this.server = server;
            this.selector = Selector.open();
        }

        /** Opens n connections and waits for each to be established. */
        List<Conn> open(int n) throws IOException {
            List<Conn> conns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                SocketChannel ch = SocketChannel.open();
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(server);
                ch.configureBlocking(false);
                Conn c = new Conn(ch);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                conns.add(c);
                all.add(c);
            }
            return conns;
        }

        /** Writes a request (as much as the socket takes now; the rest when it can) and reads its answer later. */
        void send(Conn c, byte[] request, Consumer<Response> onResponse) {
            c.onResponse = onResponse;
            c.out = ByteBuffer.wrap(request);
            c.inLength = 0;
            c.sentAt = System.nanoTime();
            try {
                c.channel.write(c.out);
            } catch (IOException e) {
                fail(c, "write-" + e.getClass().getSimpleName());
                return;
            }
            if (c.out.hasRemaining()) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void fail(Conn c, String why) {
            Consumer<Response> cb = c.onResponse;
            c.onResponse = null;
            c.key.cancel();
            try {
                c.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            if (cb != null) {
                cb.accept(new Response(0, "", c.sentAt, System.nanoTime(), why));
            }
        }

        /** Runs the selector until {@code done} holds or the time is up. */
        void loop(java.util.function.BooleanSupplier done, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isWritable()) {
                        try {
                            c.channel.write(c.out);
                        } catch (IOException e) {
                            fail(c, "write-" + e.getClass().getSimpleName());
                            continue;
                        }
                        if (!c.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(c);
                    }
                }
            }
        }

        private void read(Conn c) {
            while (true) {
                readBuffer.clear();
                int r;
                try {
                    r = c.channel.read(readBuffer);
                } catch (IOException e) {
                    fail(c, "read-" + e.getClass().getSimpleName());
                    return;
                }
                if (r < 0) {
                    fail(c, "closed-by-server");
                    return;
                }
                if (r == 0) {
                    break;
                }
                readBuffer.flip();
                if (c.inLength + r > c.in.length) {
                    c.in = Arrays.copyOf(c.in, Math.max(c.in.length * 2, c.inLength + r));
                }
                readBuffer.get(c.in, c.inLength, r);
                c.inLength += r;
            }
            Response response = parse(c);
            if (response != null) {
                Consumer<Response> cb = c.onResponse;
                c.onResponse = null;
                c.inLength = 0;
                if (cb != null) {
                    cb.accept(response);
                }
            }
        }

        /** The whole answer in c's buffer, or null while some is still to come. */
        private static Response parse(Conn c) {
            byte[] b = c.in;
            int n = c.inLength;
            int headEnd = -1;
            for (int i = 3; i < n; i++) {
                if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                    headEnd = i + 1;
                    break;
                }
            }
            if (headEnd < 0) {
                return null;
            }
            String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            int contentLength = -1;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = line.substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        contentLength = Integer.parseInt(value);
                    } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                        chunked = true;
                    }
                }
            }
            long now = System.nanoTime();
            if (chunked) {
                StringBuilder body = new StringBuilder();
                int p = headEnd;
                while (true) {
                    int lineEnd = indexOfCrlf(b, p, n);
                    if (lineEnd < 0) {
                        return null;
                    }
                    int size = Integer.parseInt(new String(b, p, lineEnd - p, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                    p = lineEnd + 2;
                    if (size == 0) {
                        return indexOfCrlf(b, p, n) < 0 ? null : new Response(status, body.toString(), c.sentAt, now, null);
                    }
                    if (p + size + 2 > n) {
                        return null;
                    }
                    body.append(new String(b, p, size, StandardCharsets.UTF_8));
                    p += size + 2;
                }
            }
            int length = Math.max(0, contentLength);
            if (n < headEnd + length) {
                return null;
            }
            return new Response(status, new String(b, headEnd, length, StandardCharsets.UTF_8), c.sentAt, now, null);
        }

        private static int indexOfCrlf(byte[] b, int from, int n) {
            for (int i = from; i + 1 < n; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            for (Conn c : all) {
                c.channel.close();
            }
            selector.close();
        }
    }

    // ------------------------------------------------------------------------------------------ /proc

    /** CPU time from Linux's /proc, as benchmarks/tools/Bench.java reads it. */
    static final class Cpu {
        private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

        static long processMillis(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MILLIS;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** user, nice, system, irq, softirq of /proc/stat, all cores, in ms. */
        static long machineBusyMillis() {
            long[] f = ticks();
            return (f[1] + f[2] + f[3] + f[6] + f[7]) * TICK_MILLIS;
        }

        static long stealMillis() {
            return ticks()[8] * TICK_MILLIS;
        }

        private static long[] ticks() {
            long[] ticks = new long[11];
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i < ticks.length; i++) {
                    ticks[i] = Long.parseLong(f[i]);
                }
            } catch (IOException | RuntimeException e) {
                // no /proc
            }
            return ticks;
        }

        /**
         * Waits, up to maxSeconds, until the machine has been nearly idle for a second (under a fifth of one core
         * busy, the server's own background work included); returns the seconds waited.
         */
        static double awaitQuiet(int maxSeconds, long pid) throws InterruptedException {
            long start = System.nanoTime();
            while ((System.nanoTime() - start) / 1e9 < maxSeconds) {
                long busy0 = machineBusyMillis() + stealMillis();
                Thread.sleep(1000);
                if (machineBusyMillis() + stealMillis() - busy0 < 200) {
                    break;
                }
            }
            return Math.max(0, (System.nanoTime() - start) / 1e9 - 1);
        }
    }

    // ------------------------------------------------------------------------------------------ probes for --diagnose

    /**
     * With {@code --diag DIR}: writes the wall-clock window of the timed part to {@code DIR/<name>-window.txt} (for
     * filtering a JFR recording of the server to it), and during it takes thread dumps of the server with jcmd
     * (0.5, 1.5 and 3 s in) and, where strace is installed and {@code --strace true}, counts the server's write
     * and fsync calls for 2 s (from 1 s in). The probes disturb what they measure: not for figures.
     */
    static final class Probes {
        private final Path dir;
        private final String name;
        private final long pid;
        private final boolean strace;
        private long from;

        Probes(Map<String, String> o, String name, long pid) {
            this.dir = o.containsKey("diag") ? Path.of(o.get("diag")) : null;
            this.name = name;
            this.pid = pid;
            this.strace = Boolean.parseBoolean(o.getOrDefault("strace", "false"));
        }

        void begin() {
            from = System.currentTimeMillis();
            if (dir == null) {
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    long[] at = {500, 1500, 3000};
                    Process trace = null;
                    for (int i = 0; i < at.length; i++) {
                        Thread.sleep(Math.max(0, from + at[i] - System.currentTimeMillis()));
                        run(List.of("jcmd", Long.toString(pid), "Thread.print"), dir.resolve(name + "-threads-" + (i + 1) + ".txt")).waitFor();
                        if (i == 0 && strace) {
                            trace = run(List.of("timeout", "-s", "INT", "2", "strace", "-f", "-c", "-e", "trace=fsync,fdatasync,pwrite64,write",
                                    "-p", Long.toString(pid), "-o", dir.resolve(name + "-strace.txt").toString()), dir.resolve(name + "-strace.log"));
                        }
                    }
                    if (trace != null) {
                        trace.waitFor();
                    }
                } catch (IOException | InterruptedException e) {
                    System.err.println("probe: " + e);
                }
            }, "probes");
            t.setDaemon(true);
            t.start();
        }

        void end() throws IOException {
            if (dir != null) {
                Files.writeString(dir.resolve(name + "-window.txt"), from + "\t" + System.currentTimeMillis() + "\n");
            }
        }

        private static Process run(List<String> command, Path out) throws IOException {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        }
    }

    // ------------------------------------------------------------------------------------------ diagnosis

    /** Summaries of what the server did, for quiz.sh --diagnose. */
    static final class Diagnose {

        /** Who owns a frame: a library, a Roadshow bundle, or the JDK. */
        static String owner(String className) {
            String[][] prefixes = {{"org.h2.", "H2"}, {"com.zaxxer.hikari.", "HikariCP"}, {"com.fasterxml.jackson.", "Jackson"},
                    {"org.eclipse.jetty.", "Jetty"}, {"org.apache.felix.http.", "Felix HTTP"}, {"org.apache.felix.", "Felix"},
                    {"org.bouncycastle.", "Bouncy Castle"}, {"freemarker.", "FreeMarker"}, {"org.flywaydb.", "Flyway"},
                    {"sun.security.", "JDK security (digests, SecureRandom)"}, {"java.security.", "JDK security (digests, SecureRandom)"},
                    {"com.sun.crypto.", "JDK security (digests, SecureRandom)"}, {"sun.nio.", "JDK NIO"}, {"java.nio.", "JDK NIO"},
                    {"java.util.regex.", "JDK regex"}, {"java.time.", "JDK java.time"}};
            for (String[] p : prefixes) {
                if (className.startsWith(p[0])) {
                    return p[1];
                }
            }
            if (className.startsWith("roadshow.")) {
                String[] parts = className.split("\\.");
                return "roadshow." + parts[1];
            }
            if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
                return "JDK other";
            }
            String[] parts = className.split("\\.");
            return parts.length > 2 ? parts[0] + "." + parts[1] : className;
        }

        private static String frame(jdk.jfr.consumer.RecordedFrame f) {
            return f.getMethod().getType().getName() + "." + f.getMethod().getName();
        }

        private static void top(String title, Map<String, Integer> counts, int total, int limit) {
            System.out.println("\n" + title + "\n");
            System.out.println("| | samples | share |\n|---|---:|---:|");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                    .forEach(e -> System.out.printf(Locale.ROOT, "| `%s` | %d | %.0f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
        }

        static void jfr(Path file, Path window) throws IOException {
            List<jdk.jfr.consumer.RecordedEvent> events = jdk.jfr.consumer.RecordingFile.readAllEvents(file);
            if (window != null) { // only what happened during the timed part
                String[] w = Files.readString(window).trim().split("\t");
                Instant from = Instant.ofEpochMilli(Long.parseLong(w[0]));
                Instant to = Instant.ofEpochMilli(Long.parseLong(w[1]));
                events = events.stream().filter(e -> !e.getEndTime().isBefore(from) && !e.getStartTime().isAfter(to)).toList();
                System.out.printf(Locale.ROOT, "(events of the timed part only: %s to %s, %.1f s)%n", from, to,
                        Duration.between(from, to).toMillis() / 1000.0);
            }
            Map<String, Integer> threads = new TreeMap<>();
            Map<String, Integer> owners = new TreeMap<>();
            Map<String, Integer> anywhere = new TreeMap<>();
            Map<String, Integer> topMethods = new TreeMap<>();
            Map<String, Integer> roadshowCallers = new TreeMap<>();
            Map<String, Double> blocked = new TreeMap<>();
            double gcMs = 0;
            int samples = 0;
            for (var e : events) {
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty()) {
                    samples++;
                    var frames = e.getStackTrace().getFrames();
                    String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "#"), 1, Integer::sum);
                    owners.merge(owner(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
                    topMethods.merge(frame(frames.get(0)), 1, Integer::sum);
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    String caller = null;
                    for (var f : frames) {
                        String cls = f.getMethod().getType().getName();
                        seen.add(owner(cls));
                        if (caller == null && cls.startsWith("roadshow.")) {
                            caller = frame(f);
                        }
                    }
                    seen.forEach(k -> anywhere.merge(k, 1, Integer::sum));
                    roadshowCallers.merge(caller == null ? "(no Roadshow frame on the stack)" : caller, 1, Integer::sum);
                } else if ((type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.JavaMonitorWait"))
                        && e.getStackTrace() != null) {
                    String where = "?";
                    for (var f : e.getStackTrace().getFrames()) {
                        String cls = f.getMethod().getType().getName();
                        if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")) {
                            where = frame(f);
                            break;
                        }
                    }
                    blocked.merge(type.substring(4) + " in " + where, e.getDuration().toNanos() / 1e6, Double::sum);
                } else if (type.equals("jdk.GarbageCollection")) {
                    gcMs += e.getDuration().toNanos() / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d execution samples (Java code only: JIT compiler threads and time in the VM do not show);"
                    + " garbage collection %.0f ms in all%n", file.getFileName(), samples, gcMs);
            top("Threads sampled (numbers folded into #)", threads, samples, 8);
            top("Where the CPU was, by the owner of the top frame", owners, samples, 14);
            top("Owners anywhere on the stack", anywhere, samples, 14);
            top("Top frames", topMethods, samples, 20);
            top("The first Roadshow method on the stack (the Roadshow code that led there)", roadshowCallers, samples, 20);
            System.out.println("\nWaiting (JFR's thresholds: parks and monitor waits of 10 ms or more in the profile settings),"
                    + " summed over threads, by the first frame outside the JDK\n");
            System.out.println("| event and where | ms, all threads |\n|---|---:|");
            blocked.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf(Locale.ROOT, "| `%s` | %.0f |%n", e.getKey(), e.getValue()));
        }

        /** The server's request threads in a thread dump (Jetty's qtp...), by what each is doing. */
        static void threads(Path file) throws IOException {
            String text = Files.readString(file);
            Map<String, Integer> doing = new TreeMap<>();
            int count = 0;
            for (String block : text.split("\n\n")) {
                if (!block.startsWith("\"qtp")) {
                    continue;
                }
                count++;
                String[] lines = block.split("\n");
                String state = lines.length > 1 ? lines[1].trim().replace("java.lang.Thread.State: ", "") : "?";
                String where = "?";
                for (int i = 2; i < lines.length; i++) {
                    String l = lines[i].trim();
                    if (!l.startsWith("at ")) {
                        continue;
                    }
                    String m = l.substring(3).replaceAll("\\(.*", "");
                    if (m.startsWith("org.eclipse.jetty.util.thread.QueuedThreadPool") || m.startsWith("org.eclipse.jetty.io.ManagedSelector")
                            || m.startsWith("org.eclipse.jetty.util.thread.strategy")) {
                        where = "Jetty: idle, selecting or accepting (" + m.substring(m.lastIndexOf('.', m.lastIndexOf('.') - 1) + 1) + ")";
                        break;
                    }
                    if (!m.startsWith("java.") && !m.startsWith("jdk.") && !m.startsWith("sun.")) {
                        where = m;
                        break;
                    }
                }
                doing.merge(state.split(" ")[0] + " " + where, 1, Integer::sum);
            }
            System.out.println(file.getFileName() + ": " + count + " Jetty request threads (qtp...), by state and the first frame outside the JDK\n");
            System.out.println("| threads | state and where |\n|---:|---|");
            final int total = count;
            doing.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("| %d | `%s` |%n", e.getValue(), e.getKey()));
        }
    }

    // ------------------------------------------------------------------------------------------ report

    /** The figures block of BENCHMARKS.md's Quizzes section, from a results folder. */
    static final class Report {

        static List<Map<String, String>> tsv(Path file) throws IOException {
            List<Map<String, String>> rows = new ArrayList<>();
            if (!Files.exists(file)) {
                return rows;
            }
            List<String> lines = Files.readAllLines(file);
            String[] head = lines.get(0).split("\t");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < head.length; i++) {
                    row.put(head[i], i < f.length ? f[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }

        private static double d(Map<String, String> row, String column) {
            return Double.parseDouble(row.get(column));
        }

        private static String ms(double v) {
            return v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
        }

        /** Other processes took more than 500 ms or a tenth of the server's CPU during the run. */
        static boolean disturbed(Map<String, String> r) {
            return d(r, "others_cpu_ms") > Math.max(500, d(r, "server_cpu_ms") / 10);
        }

        /** The run in the middle when sorted by the column (the lower middle of an even count). */
        static Map<String, String> median(List<Map<String, String>> rows, String column) {
            List<Map<String, String>> sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> Double.compare(d(a, column), d(b, column)));
            return sorted.get((sorted.size() - 1) / 2);
        }

        record Jmh(String benchmark, int threads, int batch, String unit, List<Double> raw) {
            /** Per iteration: submissions or starts per second. */
            List<Double> rates() {
                if (unit.equals("ms/op")) { // single shot: the time of one batch per thread, averaged over the threads
                    return raw.stream().map(msPerBatch -> threads * batch / (msPerBatch / 1000.0)).toList();
                }
                return raw; // ops/s, all threads together
            }

            double medianRate() {
                double[] r = rates().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                return r[(r.length - 1) / 2];
            }
        }

        static List<Jmh> jmh(Path file) throws IOException {
            List<Jmh> results = new ArrayList<>();
            if (!Files.exists(file)) {
                return results;
            }
            for (Object o : (List<?>) Json.parse(Files.readString(file))) {
                Map<?, ?> m = (Map<?, ?>) o;
                Map<?, ?> metric = (Map<?, ?>) m.get("primaryMetric");
                List<Double> raw = new ArrayList<>();
                for (Object fork : (List<?>) metric.get("rawData")) {
                    for (Object v : (List<?>) fork) {
                        raw.add((Double) v);
                    }
                }
                Object batch = m.get("measurementBatchSize");
                results.add(new Jmh((String) m.get("benchmark"), ((Double) m.get("threads")).intValue(),
                        batch == null ? 1 : ((Double) batch).intValue(), (String) metric.get("scoreUnit"), raw));
            }
            return results;
        }

        static void write(Path results) throws IOException {
            Map<String, String> machine = new LinkedHashMap<>();
            for (String line : Files.readAllLines(results.resolve("machine.txt"))) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    machine.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            List<Map<String, String>> starts = tsv(results.resolve("starts.tsv"));
            List<Map<String, String>> subs = tsv(results.resolve("submissions.tsv"));
            List<Map<String, String>> perSecond = tsv(results.resolve("submissions-per-second.tsv"));
            List<Jmh> jmh = new ArrayList<>(jmh(results.resolve("jmh-submit.json")));
            jmh.addAll(jmh(results.resolve("jmh-start.json")));
            StringBuilder md = new StringBuilder();
            md.append("<!-- quiz figures:begin (written by benchmarks/quiz.sh; edit outside these markers) -->\n");
            md.append("### Figures: the run of ").append(machine.getOrDefault("date (UTC)", "?")).append(" UTC\n\n");
            md.append("- machine: ").append(machine.get("nproc")).append(" CPUs (`nproc`), ").append(machine.get("memory"))
                    .append(", ").append(machine.get("kernel")).append("; `lscpu | head`:\n\n```\n")
                    .append(String.join("\n", Files.readAllLines(results.resolve("lscpu.txt")).subList(0, Math.min(12,
                            Files.readAllLines(results.resolve("lscpu.txt")).size()))))
                    .append("\n```\n");
            md.append("- `java -version`: ").append(String.join(" / ", Files.readAllLines(results.resolve("java-version.txt")))).append('\n');
            md.append("- Roadshow JVM options: ").append(machine.get("roadshow JVM options")).append("; H2 file database (the default URL,"
                    + " `WRITE_DELAY=0`), HikariCP pool of 10 (the default)\n");
            md.append("- ").append(machine.get("build")).append('\n');
            md.append("- ").append(machine.get("settings")).append('\n');
            md.append("- `uptime` when the run began: `").append(machine.get("uptime at start")).append("`; ")
                    .append(machine.getOrDefault("load average at the end of the HTTP runs", "?")).append(" (load average at the end of the HTTP runs)");
            if (machine.containsKey("load average before JMH")) {
                md.append("; before JMH ").append(machine.get("load average before JMH")).append(", after ")
                        .append(machine.get("load average after JMH"));
            }
            md.append("\n- learners: ").append(Files.exists(results.resolve("learners.txt"))
                    ? Files.readString(results.resolve("learners.txt")).trim() : "?").append(" (not timed)\n\n");

            md.append("#### Summary\n\n| figure | target | median run | verdict |\n|---|---|---|---|\n");
            TreeMap<Integer, List<Map<String, String>>> bySize = new TreeMap<>();
            for (Map<String, String> r : starts) {
                if (!r.get("round").startsWith("warm-up") && !r.getOrDefault("disturbed", "no").equals("yes")) {
                    bySize.computeIfAbsent(Integer.parseInt(r.get("n")), k -> new ArrayList<>()).add(r);
                }
            }
            int largest = bySize.isEmpty() ? 0 : bySize.lastKey();
            bySize.forEach((n, rows) -> {
                // the run counted for each round is its last try; a disturbed one is kept when it was the third
                Map<String, String> m = median(rows, "p99_ms");
                boolean target = n == 3000;
                boolean met = Integer.parseInt(m.get("errors")) == 0 && d(m, "p99_ms") < 1000;
                List<String> quiet = rows.stream().filter(r -> r.get("disturbed").equals("no")).map(r -> ms(d(r, "p99_ms"))).toList();
                long disturbed = rows.size() - quiet.size();
                String note = disturbed == 0 ? "" : String.format(Locale.ROOT, "; %d of the %d runs disturbed by other processes%s", disturbed,
                        rows.size(), quiet.isEmpty() ? "" : ", p99 of the undisturbed: " + String.join(", ", quiet));
                md.append(String.format(Locale.ROOT, "| %,d learners start the timed quiz at once: errors; latency p50 / p99 / max; wall time | %s | "
                        + "%s errors; %s / **%s** / %s; %s (run %s of %d%s) | %s |%n", n, target ? "0 errors, p99 < 1 s" : "(reported)",
                        m.get("errors"), ms(d(m, "p50_ms")), ms(d(m, "p99_ms")), ms(d(m, "max_ms")), ms(d(m, "wall_ms")), m.get("round"),
                        rows.size(), note, target ? (met ? "met" : "**missed**") : ""));
            });
            List<Map<String, String>> counted = subs.stream().filter(r -> !r.get("round").equals("warm-up")).toList();
            if (counted.stream().anyMatch(r -> !disturbed(r))) {
                counted = counted.stream().filter(r -> !disturbed(r)).toList();
            }
            if (!counted.isEmpty()) {
                Map<String, String> m = median(counted, "per_second");
                md.append(String.format(Locale.ROOT, "| quiz submissions over HTTP (grade + commit), closed loop, %s connections: 200s per second"
                        + " (latency p50 / p99) | >= 5,000/s | **%,.0f/s** (%s / %s; round %s of %d) | %s |%n", m.get("connections"),
                        d(m, "per_second"), ms(d(m, "p50_ms")), ms(d(m, "p99_ms")), m.get("round"), counted.size(),
                        d(m, "per_second") >= 5000 && Integer.parseInt(m.get("errors")) == 0 ? "met" : "**missed**"));
            }
            for (Jmh j : jmh) {
                boolean submit = j.benchmark().endsWith(".submit");
                md.append(String.format(Locale.ROOT, "| %s in-process (JMH, `AttemptStore.%s`, H2 file, %d threads): per second, median of %d iterations"
                        + " | %s | **%,.0f/s** | %s |%n", submit ? "quiz submissions (grade + commit)" : "quiz starts",
                        submit ? "submit" : "start", j.threads(), j.raw().size(), submit ? ">= 5,000/s" : "(reported)", j.medianRate(),
                        submit ? (j.medianRate() >= 5000 ? "met" : "**missed**") : ""));
            }

            md.append("\n#### Raw runs: synchronized starts\n\n");
            md.append("One row per release of N starts (`POST /api/v1/quizzes/bench/timed-check/attempts`, one per learner and connection);"
                    + " latencies in ms from just before a request's write to the last byte of its answer; `wall` from the first write"
                    + " to the last answer; `release` the time the client took to write all N requests; CPU in ms during the run"
                    + " (server, the client, every other process); `load` the 1-minute load average just before the release; `quiet wait`"
                    + " the seconds waited for the machine to quieten first (at most QUIET_WAIT); `disturbed`: other processes took more than 500 ms"
                    + " or a tenth of the server's CPU during the run, which is then done again (at most twice) and left out of the medians."
                    + " The warm-up rounds are not counted (nor done again when disturbed).\n\n");
            md.append("| round | N | 201 | errors | error kinds | p50 | p90 | p99 | max | wall | release | server CPU | client CPU | others' CPU"
                    + " | steal | load | quiet wait | disturbed | UTC |\n|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (Map<String, String> r : starts) {
                md.append("| ").append(String.join(" | ", r.get("round"), r.get("n"), r.get("ok_201"), r.get("errors"), r.get("error_kinds"),
                        r.get("p50_ms"), r.get("p90_ms"), r.get("p99_ms"), r.get("max_ms"), r.get("wall_ms"), r.get("release_ms"),
                        r.get("server_cpu_ms"), r.get("client_cpu_ms"), r.get("others_cpu_ms"), r.get("steal_ms"), r.get("loadavg_1m"),
                        r.get("quiet_wait_s"), r.getOrDefault("disturbed", "?"), r.get("utc").replace('T', ' '))).append(" |\n");
            }
            md.append("\n#### Raw runs: submissions over HTTP\n\n");
            md.append("One row per round: `prepared` attempts were started and every question answered first (not timed; `prep s`), then"
                    + " submitted (`POST /api/v1/attempts/{attempt}/submission`) by a closed loop of C connections for `seconds`;"
                    + " `200` counts the graded answers that arrived within that time, `per second` = 200 / seconds; latencies in ms;"
                    + " `ran out` says whether the prepared attempts ran out before the time did; `disturbed` (other processes took more than 500 ms"
                    + " or a tenth of the server's CPU) rounds are not done again, but left out of the median when an undisturbed one exists."
                    + " The warm-up round is not counted.\n\n");
            md.append("| round | C | seconds | 200 | errors | per second | p50 | p99 | max | ran out | server CPU | client CPU | others' CPU"
                    + " | steal | load | disturbed | prepared | prep s | UTC |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
            for (Map<String, String> r : subs) {
                md.append("| ").append(String.join(" | ", r.get("round"), r.get("connections"), r.get("seconds"), r.get("ok_200"),
                        r.get("errors") + (r.get("error_kinds").equals("-") ? "" : " " + r.get("error_kinds")), r.get("per_second"),
                        r.get("p50_ms"), r.get("p99_ms"), r.get("max_ms"), r.get("ran_out"), r.get("server_cpu_ms"), r.get("client_cpu_ms"),
                        r.get("others_cpu_ms"), r.get("steal_ms"), r.get("loadavg_1m"), disturbed(r) ? "yes" : "no", r.get("prepared"), r.get("prep_s"),
                        r.get("utc").replace('T', ' '))).append(" |\n");
            }
            if (!perSecond.isEmpty()) {
                md.append("\n200s in each second of each round:\n\n");
                Map<String, List<String>> byRound = new LinkedHashMap<>();
                perSecond.forEach(r -> byRound.computeIfAbsent(r.get("round"), k -> new ArrayList<>()).add(r.get("ok_200")));
                byRound.forEach((round, counts) -> md.append("- ").append(round).append(": ").append(String.join(", ", counts)).append('\n'));
            }
            if (!jmh.isEmpty()) {
                md.append("\n#### Raw runs: JMH, in-process\n\n");
                md.append("Per measured iteration (after 3 warm-up iterations), in one fork. `submit`: single-shot batches of prepared attempts,"
                        + " the iteration's time per thread as JMH reports it, and threads x batch / that time; `start`: JMH's throughput.\n\n");
                md.append("| benchmark | threads | batch | iteration results | per second |\n|---|---:|---:|---|---|\n");
                for (Jmh j : jmh) {
                    md.append(String.format(Locale.ROOT, "| `%s` | %d | %s | %s | %s |%n", j.benchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"),
                            j.threads(), j.unit().equals("ms/op") ? Integer.toString(j.batch()) : "-",
                            String.join(", ", j.raw().stream().map(v -> String.format(Locale.ROOT, "%.1f %s", v, j.unit())).toList()),
                            String.join(", ", j.rates().stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList())));
                }
            }
            md.append("\nRaw files: `").append(results.toString().replaceAll(".*/benchmarks/", "benchmarks/")).append("/`.\n");
            md.append("<!-- quiz figures:end -->\n");
            System.out.print(md);
        }
    }

    // ------------------------------------------------------------------------------------------ JSON

    /** Just enough JSON: objects to maps, arrays to lists, numbers to doubles. */
    static final class Json {
        private final String s;
        private int p;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            Object v = j.value();
            j.ws();
            if (j.p != s.length()) {
                throw new IllegalArgumentException("trailing text in JSON at " + j.p);
            }
            return v;
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char ch : v.toCharArray()) {
                switch (ch) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            b.append(String.format("\\u%04x", (int) ch));
                        } else {
                            b.append(ch);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        private void ws() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(p);
            switch (c) {
                case '{': {
                    p++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(p) == '}') {
                        p++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        p++; // :
                        m.put(k, value());
                        ws();
                        if (s.charAt(p++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    p++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(p) == ']') {
                        p++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(p++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    p += 4;
                    return Boolean.TRUE;
                case 'f':
                    p += 5;
                    return Boolean.FALSE;
                case 'n':
                    p += 4;
                    return null;
                default: {
                    int start = p;
                    while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
                        p++;
                    }
                    return Double.parseDouble(s.substring(start, p));
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            p++; // "
            while (true) {
                char c = s.charAt(p++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(p++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                            p += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }
    }
}
