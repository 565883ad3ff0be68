import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * The timing side of Roadshow's benchmarks, one single-file program with three commands:
 *
 * <ul>
 * <li>{@code startup}: starts {@code roadshow.jar} on a new home and then again on the same
 * home, several times, and times each start from the moment before the process is created
 * to the first HTTP 200 of {@code GET /}, and to the first {@code GET /api/v1/courses?limit=500}
 * that lists every course of every bundle in {@code deploy/};</li>
 * <li>{@code hotdeploy}: keeps one Roadshow running and times, for each of a series of
 * content bundles renamed into {@code deploy/}, the span from the rename to its course
 * answering 200 at {@code /api/v1/courses/{vendor}/{course}}; then the same for new versions
 * of one bundle;</li>
 * <li>{@code report}: turns the raw results of a run (these two, the throughput figures
 * that {@code run.sh} writes from wrk, and the machine description) into the Markdown
 * figures section of BENCHMARKS.md.</li>
 * </ul>
 *
 * Run it as {@code java benchmarks/tools/Bench.java <command> --option value ...}; {@code run.sh}
 * shows every option in use. Polling uses a warmed-up hand-written HTTP/1.0 client and a 5 ms pause, so
 * a figure is late by at most about 5 ms plus one loopback request.
 */
public final class Bench {

    private static final long POLL_MILLIS = 5;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench startup|hotdeploy|report|anatomy|profile --option value ...");
            System.exit(2);
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 1; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        switch (argv[0]) {
            case "startup" -> new Startup(new Options(args)).run();
            case "hotdeploy" -> new HotDeploy(new Options(args)).run();
            case "report" -> new Report(new Options(args)).run();
            case "anatomy" -> new Anatomy(new Options(args)).run();
            case "profile" -> new Profile(new Options(args)).run();
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        }
    }

    // ---------------------------------------------------------------- startup

    /** Cold (new home) and warm (second start on that home) starts, in pairs. */
    static final class Startup {
        private final Options options;

        Startup(Options options) {
            this.options = options;
        }

        void run() throws Exception {
            Path jar = options.path("jar");
            Path work = options.path("work");
            String label = options.get("label", "examples");
            int runs = options.integer("runs", 7);
            int port = options.integer("port", 18080);
            Path extraDeploy = options.has("deploy-from") ? options.path("deploy-from") : null;
            Files.createDirectories(work);

            // What "complete" means: every course of every bundle that will be in deploy/.
            Set<String> expected = new LinkedHashSet<>();
            Map<String, byte[]> examples = Roadshow.examples(jar);
            examples.values().forEach(bytes -> expected.addAll(ContentJars.courses(bytes)));
            List<Path> extra = extraDeploy == null ? List.of() : ContentJars.jarsIn(extraDeploy);
            for (Path p : extra) {
                expected.addAll(ContentJars.courses(Files.readAllBytes(p)));
            }
            System.out.printf("startup/%s: %d runs, %d bundles in deploy/, %d courses expected%n",
                    label, runs, examples.size() + extra.size(), expected.size());

            Poller poller = Poller.warmedUp();
            Path tsv = work.resolve("startup-" + label + ".tsv");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tsv, StandardCharsets.UTF_8))) {
                out.println("label\trun\tstart\troot_200_ms\tcatalog_complete_ms\tserving_line_ms\tjetty_ms\tdeploy_ms"
                        + "\tdb_ms\tlast_content_ms\tstop_ms\troadshow_cpu_ms\tothers_cpu_ms\tsteal_ms\tquiet_wait_s\tdiscarded");
                int retries = options.integer("retries", 3);
                for (int run = 1; run <= runs; run++) {
                    // A pair (new home, then the second start on it) during which other processes took
                    // more than a tenth of what Roadshow used, or half a second, is disturbed: it is
                    // kept in the raw rows, marked, and the pair is measured again.
                    for (int attempt = 0; attempt <= retries; attempt++) {
                        List<String> rows = new ArrayList<>();
                        boolean disturbed = false;
                        Path home = work.resolve("home-" + label + "-" + run);
                        prepareHome(home, examples, extra);
                        for (String start : List.of("new-home", "existing-home")) {
                            Path log = work.resolve("log-" + label + "-" + run + "-" + start + ".txt");
                            double waited = Cpu.awaitQuiet(options.integer("quiet-wait", 90));
                            StartResult r = timeStart(poller, jar, home, port, expected, log);
                            boolean busy = r.othersCpuMillis > Math.max(500, 0.1 * r.cpuMillis);
                            disturbed |= busy;
                            rows.add(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%.0f", label, run, start, r.tsv(), waited));
                            System.out.printf(Locale.ROOT, "  run %d %-13s first 200 on / %6.0f ms, catalog complete %6.0f ms"
                                    + " (CPU: Roadshow %.0f ms, other processes %.0f ms, steal %.0f ms)%s%n",
                                    run, start, r.rootMillis, r.completeMillis, r.cpuMillis, r.othersCpuMillis, r.stealMillis,
                                    busy ? " disturbed" : "");
                        }
                        boolean retry = disturbed && attempt < retries;
                        for (String row : rows) {
                            out.println(row + "\t" + (retry ? "yes" : "no"));
                        }
                        out.flush();
                        if (!options.has("keep-homes")) {
                            Roadshow.deleteTree(home);
                        }
                        if (!retry) {
                            break;
                        }
                    }
                }
            }
        }

        /** A new home; with generated bundles, a deploy/ holding the examples and those bundles. */
        private static void prepareHome(Path home, Map<String, byte[]> examples, List<Path> extra) throws IOException {
            Roadshow.deleteTree(home);
            if (!extra.isEmpty()) {
                // A deploy/ that exists is not seeded by the launcher: put the examples in too,
                // so that this case is the examples case plus the generated bundles.
                Path deploy = Files.createDirectories(home.resolve("deploy"));
                for (Map.Entry<String, byte[]> e : examples.entrySet()) {
                    Files.write(deploy.resolve(e.getKey()), e.getValue());
                }
                for (Path p : extra) {
                    Files.copy(p, deploy.resolve(p.getFileName()));
                }
            }
        }

        private StartResult timeStart(Poller poller, Path jar, Path home, int port, Set<String> expected, Path log)
                throws Exception {
            URI root = URI.create("http://localhost:" + port + "/");
            URI catalog = URI.create("http://localhost:" + port + "/api/v1/courses?limit=500");
            List<String> command = Roadshow.command(jar, home, port, options.get("java-opts", ""));
            ProcessBuilder builder = new ProcessBuilder(command);
            long machine0 = Cpu.machineBusyMillis();
            long steal0 = Cpu.stealMillis();
            long self0 = Cpu.processMillis(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            Process process = builder.start();
            ChildLog childLog = new ChildLog(process, t0, log);
            try {
                double rootMillis = poller.until(root, r -> r.status() == 200, t0, 60_000, process);
                double completeMillis = poller.until(catalog,
                        r -> r.status() == 200 && ContentJars.listsAll(r.body(), expected), t0, 60_000, process);
                long cpu = Cpu.processMillis(process.pid());
                long others = Cpu.machineBusyMillis() - machine0 - cpu - (Cpu.processMillis(ProcessHandle.current().pid()) - self0);
                long steal = Cpu.stealMillis() - steal0;
                long stop0 = System.nanoTime();
                Roadshow.stop(process);
                double stopMillis = millis(stop0, System.nanoTime());
                childLog.close();
                return new StartResult(rootMillis, completeMillis, childLog, stopMillis, cpu, Math.max(0, others), steal);
            } catch (Exception | Error e) {
                process.destroyForcibly();
                childLog.close();
                System.err.println("  failed; the launcher's output is in " + log);
                throw e;
            }
        }

        record StartResult(double rootMillis, double completeMillis, ChildLog log, double stopMillis, double cpuMillis,
                double othersCpuMillis, double stealMillis) {
            String tsv() {
                return String.format(Locale.ROOT, "%.1f\t%.1f\t%s\t%s\t%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f", rootMillis, completeMillis,
                        log.first("Roadshow is serving on"), log.first("Started Jetty"), log.first("Deploying bundles from"),
                        log.first("PooledDatabase - Database"), log.last("Serving content bundle"), stopMillis,
                        cpuMillis, othersCpuMillis, stealMillis);
            }
        }
    }

    // ---------------------------------------------------------------- hot deploy

    /** One Roadshow, many drops into deploy/: new bundles first, then new versions of one bundle. */
    static final class HotDeploy {
        private final Options options;

        HotDeploy(Options options) {
            this.options = options;
        }

        void run() throws Exception {
            Path jar = options.path("jar");
            Path work = options.path("work");
            Path bundles = options.path("bundles");
            int port = options.integer("port", 18090);
            int warmup = options.integer("warmup", 3);
            int count = options.integer("count", 20);
            int upgrades = options.integer("upgrades", 20);
            long pauseMillis = options.integer("pause-ms", 500);
            Path home = work.resolve("home-hotdeploy");
            Roadshow.deleteTree(home);
            Files.createDirectories(work);

            List<Path> jars = ContentJars.jarsIn(bundles);
            if (jars.size() < warmup + count + 1) {
                throw new IllegalArgumentException("need " + (warmup + count + 1) + " bundles in " + bundles);
            }
            Set<String> expected = new LinkedHashSet<>();
            Roadshow.examples(jar).values().forEach(bytes -> expected.addAll(ContentJars.courses(bytes)));

            Poller poller = Poller.warmedUp();
            Process process = new ProcessBuilder(Roadshow.command(jar, home, port, options.get("java-opts", ""))).start();
            long t0 = System.nanoTime();
            ChildLog childLog = new ChildLog(process, t0, work.resolve("log-hotdeploy.txt"));
            Path tsv = work.resolve("hotdeploy.tsv");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tsv, StandardCharsets.UTF_8))) {
                poller.until(URI.create("http://localhost:" + port + "/api/v1/courses?limit=500"),
                        r -> r.status() == 200 && ContentJars.listsAll(r.body(), expected), t0, 60_000, process);
                Thread.sleep(1000);
                Path deploy = home.resolve("deploy");
                Path staging = Files.createDirectories(home.resolve("staging"));
                out.println("kind\tsample\tbundle\tms\tnon_200_polls\troadshow_cpu_ms\tothers_cpu_ms\tsteal_ms");

                // New bundles: each a vendor and courses the catalog has never seen.
                for (int i = 0; i < warmup + count; i++) {
                    Path source = jars.get(i);
                    String course = ContentJars.courses(Files.readAllBytes(source)).get(0);
                    Path staged = staging.resolve(source.getFileName() + ".part");
                    Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                    URI uri = URI.create("http://localhost:" + port + "/api/v1/courses/" + course);
                    Drop drop = dropAndWait(poller, staged, deploy.resolve(source.getFileName()), uri, r -> r.status() == 200, process);
                    String kind = i < warmup ? "install-warmup" : "install";
                    out.printf(Locale.ROOT, "%s\t%d\t%s\t%s%n", kind, i < warmup ? i + 1 : i - warmup + 1,
                            source.getFileName(), drop.tsv());
                    out.flush();
                    System.out.printf(Locale.ROOT, "  %-14s %-28s %6.1f ms%n", kind, source.getFileName(), drop.millis);
                    Thread.sleep(pauseMillis);
                }

                // New versions of one bundle, renamed over the previous file.
                Path base = jars.get(warmup + count);
                byte[] baseBytes = Files.readAllBytes(base);
                String course = ContentJars.courses(baseBytes).get(0);
                Path target = deploy.resolve(base.getFileName());
                URI uri = URI.create("http://localhost:" + port + "/api/v1/courses/" + course);
                for (int v = 0; v <= warmup + upgrades; v++) {
                    String version = "2.0." + v;
                    Path staged = staging.resolve(base.getFileName() + "." + v + ".part");
                    ContentJars.writeWithVersion(baseBytes, version, staged);
                    String marker = "\"version\":\"" + version + "\"";
                    Drop drop = dropAndWait(poller, staged, target, uri,
                            r -> r.status() == 200 && r.body().contains(marker), process);
                    // Version 2.0.0 is a first install; it is not an upgrade.
                    String kind = v == 0 ? "upgrade-base" : v <= warmup ? "upgrade-warmup" : "upgrade";
                    out.printf(Locale.ROOT, "%s\t%d\t%s\t%s%n", kind, v <= warmup ? v : v - warmup,
                            base.getFileName() + "@" + version, drop.tsv());
                    out.flush();
                    System.out.printf(Locale.ROOT, "  %-14s %-28s %6.1f ms (%d polls not 200)%n", kind,
                            base.getFileName() + "@" + version, drop.millis, drop.misses);
                    Thread.sleep(pauseMillis);
                }
            } finally {
                Roadshow.stop(process);
                childLog.close();
            }
            if (!options.has("keep-homes")) {
                Roadshow.deleteTree(home);
            }
        }

        private Drop dropAndWait(Poller poller, Path staged, Path target, URI uri,
                Predicate<Answer> done, Process process) throws Exception {
            Cpu.awaitQuiet(options.integer("quiet-wait", 20));
            int[] misses = {0};
            long machine0 = Cpu.machineBusyMillis();
            long steal0 = Cpu.stealMillis();
            long self0 = Cpu.processMillis(ProcessHandle.current().pid());
            long child0 = Cpu.processMillis(process.pid());
            long t0 = System.nanoTime();
            // An atomic rename, as an operator's script does: the watcher never sees half a file.
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            double millis = poller.until(uri, r -> {
                if (r.status() != 200) {
                    misses[0]++;
                }
                return done.test(r);
            }, t0, 30_000, process);
            long child = Cpu.processMillis(process.pid()) - child0;
            long others = Cpu.machineBusyMillis() - machine0 - child - (Cpu.processMillis(ProcessHandle.current().pid()) - self0);
            return new Drop(millis, misses[0], child, Math.max(0, others), Cpu.stealMillis() - steal0);
        }

        record Drop(double millis, int misses, long cpuMillis, long othersCpuMillis, long stealMillis) {
            String tsv() {
                return String.format(Locale.ROOT, "%.1f\t%d\t%d\t%d\t%d", millis, misses, cpuMillis, othersCpuMillis, stealMillis);
            }
        }
    }

    // ---------------------------------------------------------------- report

    /** Raw results of one run of run.sh into the figures section of BENCHMARKS.md. */
    static final class Report {
        static final String BEGIN = "<!-- figures:begin (written by benchmarks/run.sh; edit outside these markers) -->";
        static final String END = "<!-- figures:end -->";

        private final Options options;

        Report(Options options) {
            this.options = options;
        }

        void run() throws IOException {
            Path results = options.path("results");
            StringBuilder md = new StringBuilder();
            StringBuilder summary = new StringBuilder();
            machine(results, md);

            md.append("\n### Summary\n\n");
            md.append("| figure | target | median | min | max | n | verdict |\n|---|---|---:|---:|---:|---:|---|\n");
            List<String> startupLabels = new ArrayList<>();
            try (Stream<Path> files = Files.list(results)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("startup-") && n.endsWith(".tsv"))
                        // the examples case first, then the generated ones by size
                        .sorted(Comparator.comparing((String n) -> !n.equals("startup-examples.tsv")).thenComparing(n -> n.length())
                                .thenComparing(n -> n))
                        .forEach(n -> startupLabels.add(n.substring(8, n.length() - 4)));
            }
            Map<String, List<Map<String, String>>> startups = new LinkedHashMap<>();
            for (String label : startupLabels) {
                startups.put(label, Table.read(results.resolve("startup-" + label + ".tsv")));
            }
            for (var e : startups.entrySet()) {
                String what = describe(e.getKey());
                for (String start : List.of("new-home", "existing-home")) {
                    List<Map<String, String>> rows = Table.where(e.getValue(), "start", start).stream()
                            .filter(r -> !"yes".equals(r.get("discarded"))).toList();
                    String startName = start.equals("new-home") ? "cold start, new home" : "second start, existing home";
                    row(md, summary, startName + ", " + what + ": first 200 of `GET /`",
                            Table.numbers(rows, "root_200_ms"), 1500, true, "ms");
                    row(md, summary, startName + ", " + what + ": catalog API lists every course",
                            Table.numbers(rows, "catalog_complete_ms"), e.getKey().equals("examples") ? -1 : 1500, true, "ms");
                }
            }
            Path hot = results.resolve("hotdeploy.tsv");
            List<Map<String, String>> hotRows = Files.exists(hot) ? Table.read(hot) : List.of();
            if (!hotRows.isEmpty()) {
                row(md, summary, "hot deploy, new bundle: rename into deploy/ to 200 of its course",
                        Table.numbers(Table.where(hotRows, "kind", "install"), "ms"), 250, true, "ms");
                row(md, summary, "hot deploy, new version: rename over the old JAR to 200 with the new version",
                        Table.numbers(Table.where(hotRows, "kind", "upgrade"), "ms"), 250, true, "ms");
            }
            Path thr = results.resolve("throughput.tsv");
            List<Map<String, String>> thrRows = Files.exists(thr) ? Table.read(thr) : List.of();
            for (String page : List.of("catalog", "lesson")) {
                List<Map<String, String>> rows = Table.where(thrRows, "page", page);
                if (rows.isEmpty()) {
                    continue;
                }
                List<Double> ratios = new ArrayList<>();
                for (Map<String, String> r : Table.where(rows, "server", "roadshow")) {
                    for (Map<String, String> b : Table.where(Table.where(rows, "server", "bare"), "round", r.get("round"))) {
                        ratios.add(Double.parseDouble(r.get("requests_per_s")) / Double.parseDouble(b.get("requests_per_s")));
                    }
                }
                row(md, summary, "throughput, " + page + " page, Roadshow (req/s)",
                        Table.numbers(Table.where(rows, "server", "roadshow"), "requests_per_s"), -1, false, "");
                row(md, summary, "throughput, " + page + " page, bare servlet, same bytes (req/s)",
                        Table.numbers(Table.where(rows, "server", "bare"), "requests_per_s"), -1, false, "");
                row(md, summary, "throughput ratio Roadshow/bare, " + page + " page", ratios, 0.5, false, "");
            }

            md.append("\n### Raw runs\n\n");
            for (var e : startups.entrySet()) {
                md.append("Start-up, ").append(describe(e.getKey())).append(" (ms from just before the process is created. ")
                        .append("`jetty`, `deploy`, `last content`, `serving` are when the launcher's log lines `Started Jetty`, ")
                        .append("`Deploying bundles from`, the last `Serving content bundle` and `Roadshow is serving on` arrived, on ")
                        .append("the same clock; `stop` is SIGTERM to exit; CPU in ms up to the catalog being complete. A pair of starts ")
                        .append("during which other processes used more than 500 ms or a tenth of Roadshow's CPU is marked ")
                        .append("discarded, left out of the medians, and measured again, up to 3 times):\n\n");
                md.append("| run | start | first 200 `/` | catalog complete | jetty | deploy | last content | serving | stop "
                        + "| Roadshow CPU | others' CPU | steal |\n")
                        .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Map<String, String> r : e.getValue()) {
                    boolean discarded = "yes".equals(r.get("discarded"));
                    md.append("| ").append(r.get("run")).append(discarded ? " (discarded: disturbed, measured again)" : "")
                            .append(" | ").append(r.get("start")).append(" | ")
                            .append(r.get("root_200_ms")).append(" | ").append(r.get("catalog_complete_ms")).append(" | ")
                            .append(r.get("jetty_ms")).append(" | ").append(r.get("deploy_ms")).append(" | ")
                            .append(r.get("last_content_ms")).append(" | ")
                            .append(r.get("serving_line_ms")).append(" | ").append(r.get("stop_ms")).append(" | ")
                            .append(r.get("roadshow_cpu_ms")).append(" | ").append(r.get("others_cpu_ms")).append(" | ")
                            .append(r.get("steal_ms")).append(" |\n");
                }
                md.append('\n');
            }
            if (!hotRows.isEmpty()) {
                md.append("Hot deploy (ms from just before the rename; warm-ups are not counted; `misses` are polls that ")
                        .append("got no 200 meanwhile, so for an upgrade a miss is a moment the course was away):\n\n");
                md.append("| kind | sample | bundle | ms | misses | Roadshow CPU ms | others' CPU ms | steal ms |\n")
                        .append("|---|---:|---|---:|---:|---:|---:|---:|\n");
                for (Map<String, String> r : hotRows) {
                    md.append("| ").append(r.get("kind")).append(" | ").append(r.get("sample")).append(" | `")
                            .append(r.get("bundle")).append("` | ").append(r.get("ms")).append(" | ")
                            .append(r.get("non_200_polls")).append(" | ").append(r.get("roadshow_cpu_ms")).append(" | ")
                            .append(r.get("others_cpu_ms")).append(" | ").append(r.get("steal_ms")).append(" |\n");
                }
                md.append('\n');
            }
            if (!thrRows.isEmpty()) {
                md.append("Throughput (wrk; one row per measured run; the warm-up runs are not listed):\n\n");
                md.append("| round | page | server | req/s | latency p50 | latency p99 | non-2xx | bytes/response "
                        + "| Roadshow CPU s | others' CPU s | steal s |\n")
                        .append("|---:|---|---|---:|---|---|---:|---:|---:|---:|---:|\n");
                for (Map<String, String> r : thrRows) {
                    md.append("| ").append(r.get("round")).append(" | ").append(r.get("page")).append(" | ")
                            .append(r.get("server")).append(" | ").append(r.get("requests_per_s")).append(" | ")
                            .append(r.get("p50")).append(" | ").append(r.get("p99")).append(" | ")
                            .append(r.get("non_2xx")).append(" | ").append(r.get("body_bytes")).append(" | ")
                            .append(r.get("roadshow_cpu_s")).append(" | ").append(r.get("others_cpu_s")).append(" | ")
                            .append(r.get("steal_s")).append(" |\n");
                }
                md.append('\n');
            }

            Path diagnosis = results.resolve("diagnosis.md");
            if (Files.exists(diagnosis)) {
                md.append("### Where the time goes (`benchmarks/diagnose.sh`, run after the figures)\n\n");
                for (String line : Files.readAllLines(diagnosis, StandardCharsets.UTF_8)) {
                    if (line.startsWith("# ")) {
                        continue; // its own title
                    }
                    md.append(line.startsWith("#") ? "##" + line : line).append('\n');
                }
            }

            String section = BEGIN + "\n" + md.toString().strip() + "\n" + END;
            Files.writeString(results.resolve("figures.md"), section + "\n", StandardCharsets.UTF_8);
            System.out.print(summary);
            if (options.has("update")) {
                Path doc = options.path("update");
                String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
                int b = text.indexOf(BEGIN);
                int en = text.indexOf(END);
                if (b >= 0 && en > b) {
                    text = text.substring(0, b) + section + text.substring(en + END.length());
                } else {
                    text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n## Figures\n\n" + section + "\n";
                }
                Files.writeString(doc, text, StandardCharsets.UTF_8);
                System.out.println("Rewrote the figures section of " + doc);
            }
        }

        private static String describe(String label) {
            if (label.equals("examples")) {
                return "example content";
            }
            if (label.startsWith("generated")) {
                return "example content + " + label.substring("generated".length()) + " generated bundles";
            }
            return label;
        }

        private void machine(Path results, StringBuilder md) throws IOException {
            Path machine = results.resolve("machine.txt");
            md.append("### Machine and run\n\n");
            if (Files.exists(machine)) {
                for (String line : Files.readAllLines(machine, StandardCharsets.UTF_8)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        md.append("- ").append(line, 0, colon).append(": ").append(line.substring(colon + 1).strip()).append('\n');
                    }
                }
            }
        }

        /** One summary line: median, min, max of the samples, and whether the median meets the target. */
        private static void row(StringBuilder md, StringBuilder summary, String what, List<Double> samples, double target,
                boolean lowerIsBetter, String unit) {
            if (samples.isEmpty()) {
                return;
            }
            double median = Stats.median(samples);
            String verdict = target < 0 ? "" : (lowerIsBetter ? median <= target : median >= target) ? "met" : "**missed**";
            String targetText = target < 0 ? "" : (lowerIsBetter ? "<= " : ">= ") + Stats.format(target) + (unit.isEmpty() ? "" : " " + unit);
            md.append("| ").append(what).append(" | ").append(targetText).append(" | ")
                    .append(Stats.format(median)).append(unit.isEmpty() ? "" : " " + unit).append(" | ")
                    .append(Stats.format(Collections.min(samples))).append(" | ")
                    .append(Stats.format(Collections.max(samples))).append(" | ")
                    .append(samples.size()).append(" | ").append(verdict.isEmpty() ? "" : verdict).append(" |\n");
            summary.append(String.format(Locale.ROOT, "%-95s median %10s%s  (n=%d)%s%n", what, Stats.format(median),
                    unit.isEmpty() ? "" : " " + unit, samples.size(),
                    verdict.isEmpty() ? "" : "  target " + targetText + ": " + verdict.replace("*", "")));
        }
    }

    // ---------------------------------------------------------------- diagnosis

    /**
     * Where a start's CPU goes: starts Roadshow on a new home, and at its first 200 of
     * {@code GET /} reads the CPU time of each of its threads from {@code /proc} (JIT compiler
     * threads apart from the framework's start-level thread, Jetty's, and so on) and the JVM's
     * own counters of class loading and JIT time ({@code jcmd PerfCounter.print}).
     */
    static final class Anatomy {
        private static final List<String[]> COUNTERS = List.of(
                new String[] {"java.cls.loadedClasses", "classes loaded", "n"},
                new String[] {"sun.cls.defineAppClasses", "classes defined by bundle and launcher class loaders", "n"},
                new String[] {"sun.cls.time", "class loading, elapsed on the loading threads, incl. linking and static init", "ns"},
                new String[] {"sun.cls.classVerifyTime", "of which bytecode verification", "ns"},
                new String[] {"sun.cls.classLinkedTime", "of which linking", "ns"},
                new String[] {"sun.cls.classInitTime", "of which static initialisers", "ns"},
                new String[] {"sun.cls.defineAppClassTime", "of which defining bundle and launcher classes", "ns"},
                new String[] {"sun.ci.totalCompiles", "JIT compilations", "n"},
                new String[] {"sun.ci.standardTime", "JIT compile time, summed over the compiler threads", "ns"},
                new String[] {"sun.gc.collector.0.time", "GC, young collections", "ns"},
                new String[] {"sun.gc.collector.1.time", "GC, full or old collections", "ns"},
                new String[] {"sun.rt.safepointTime", "time at safepoints", "ns"});

        private final Options options;

        Anatomy(Options options) {
            this.options = options;
        }

        void run() throws Exception {
            Path jar = options.path("jar");
            Path work = options.path("work");
            int port = options.integer("port", 18080);
            String javaOpts = options.get("java-opts", "");
            Path home = work.resolve("home-anatomy");
            Roadshow.deleteTree(home);
            Files.createDirectories(work);
            Cpu.awaitQuiet(options.integer("quiet-wait", 20));
            Poller poller = Poller.warmedUp();
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(Roadshow.command(jar, home, port, javaOpts)).start();
            ChildLog log = new ChildLog(process, t0, work.resolve("log-anatomy.txt"));
            StringBuilder md = new StringBuilder();
            try {
                double first = poller.until(URI.create("http://localhost:" + port + "/"), r -> r.status() == 200, t0, 60_000, process);
                Map<String, Long> threads = threadCpu(process.pid());
                long total = threads.values().stream().mapToLong(Long::longValue).sum();
                Map<String, String> counters = perfCounters(process.pid());
                md.append(String.format(Locale.ROOT, "First 200 of `GET /` after %.0f ms (JVM options: %s); by then Roadshow had used "
                        + "%d ms of CPU:%n%n", first, javaOpts.isBlank() ? "none" : "`" + javaOpts + "`", total));
                md.append("| thread (numbers folded into #) | CPU ms | share |\n|---|---:|---:|\n");
                threads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .filter(e -> e.getValue() >= 10)
                        .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %d | %.0f%% |%n", e.getKey(), e.getValue(),
                                100.0 * e.getValue() / Math.max(1, total))));
                md.append("\nThe JVM's own counters at that moment:\n\n| counter | what | value |\n|---|---|---:|\n");
                for (String[] c : COUNTERS) {
                    String raw = counters.get(c[0]);
                    if (raw == null) {
                        continue;
                    }
                    String value = c[2].equals("ns") ? String.format(Locale.ROOT, "%.0f ms", Long.parseLong(raw) / 1e6) : raw;
                    md.append("| `").append(c[0]).append("` | ").append(c[1]).append(" | ").append(value).append(" |\n");
                }
            } finally {
                Roadshow.stop(process);
                log.close();
            }
            Path out = options.has("out") ? options.path("out") : work.resolve("anatomy.md");
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
            System.out.print(md);
            Roadshow.deleteTree(home);
        }

        /** CPU ms per thread name, with the digits of numbered threads folded so that pools add up. */
        static Map<String, Long> threadCpu(long pid) throws IOException {
            Map<String, Long> byName = new LinkedHashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
                        byName.merge(name, Cpu.processMillis(pid, task), Long::sum);
                    } catch (IOException e) {
                        // the thread ended meanwhile
                    }
                }
            }
            return byName;
        }

        static Map<String, String> perfCounters(long pid) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
            Map<String, String> counters = new LinkedHashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        counters.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
                    }
                }
            }
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return counters;
        }
    }

    /**
     * Sums up a JFR recording's execution samples: the share of samples with a given library or
     * Roadshow package anywhere on the stack, the hottest top frames, and the innermost Roadshow
     * frame (the Roadshow code that led to the work).
     */
    static final class Profile {
        private static final String[][] MARKERS = {
            {"Felix framework", "org.apache.felix.framework."}, {"SPI Fly weaving (ASM)", "org.apache.aries.spifly"},
            {"Felix SCR", "org.apache.felix.scr."}, {"Felix HTTP", "org.apache.felix.http."}, {"Jetty", "org.eclipse.jetty."},
            {"Jetty's response Writer (WriteThroughWriter)", "org.eclipse.jetty.io.WriteThroughWriter"},
            {"FreeMarker", "freemarker."}, {"SnakeYAML", "org.yaml.snakeyaml"}, {"Jackson", "com.fasterxml.jackson"},
            {"CommonMark", "org.commonmark"}, {"OWASP sanitizer", "org.owasp"}, {"H2", "org.h2."}, {"Flyway", "org.flywaydb"},
            {"HikariCP", "com.zaxxer"}, {"slf4j", "org.slf4j"}, {"java.text (MessageFormat, ...)", "java.text."},
            {"Locale display names", "java.util.Locale.getDisplay"},
            {"roadshow.launcher", "roadshow.launcher."}, {"roadshow.content", "roadshow.content."},
            {"roadshow.catalog", "roadshow.catalog."}, {"roadshow.web", "roadshow.web."}, {"roadshow.deploy", "roadshow.deploy."},
            {"roadshow.store", "roadshow.store."}, {"roadshow.publishing", "roadshow.publishing."},
            {"class loading", "java.lang.ClassLoader.loadClass"}, {"zip and jar reading", "java.util.zip."}};

        private final Options options;

        Profile(Options options) {
            this.options = options;
        }

        void run() throws IOException {
            Path jfr = options.path("jfr");
            List<jdk.jfr.consumer.RecordedEvent> samples = new ArrayList<>();
            // An optional window in epoch milliseconds: a recording that ran from the JVM's start
            // (starting JFR in a running JVM deoptimises its compiled code, which then measures
            // something else), of which only the measured stretch is wanted.
            long from = Long.parseLong(options.get("from", "0"));
            long to = Long.parseLong(options.get("to", Long.toString(Long.MAX_VALUE)));
            for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(jfr)) {
                long at = e.getStartTime().toEpochMilli();
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null
                        && at >= from && at <= to) {
                    samples.add(e);
                }
            }
            Map<String, Integer> inclusive = new LinkedHashMap<>();
            Map<String, Integer> top = new LinkedHashMap<>();
            Map<String, Integer> innermost = new LinkedHashMap<>();
            Map<String, Integer> threads = new LinkedHashMap<>();
            for (jdk.jfr.consumer.RecordedEvent e : samples) {
                List<String> frames = e.getStackTrace().getFrames().stream()
                        .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
                jdk.jfr.consumer.RecordedThread thread = e.getThread("sampledThread");
                threads.merge(thread == null ? "?" : String.valueOf(thread.getJavaName()).replaceAll("\\d+", "#"), 1, Integer::sum);
                for (String[] m : MARKERS) {
                    if (frames.stream().anyMatch(f -> f.startsWith(m[1]))) {
                        inclusive.merge(m[0], 1, Integer::sum);
                    }
                }
                if (!frames.isEmpty()) {
                    top.merge(frames.get(0), 1, Integer::sum);
                }
                frames.stream().filter(f -> f.startsWith("roadshow.")).findFirst().ifPresent(f -> innermost.merge(f, 1, Integer::sum));
            }
            int n = Math.max(1, samples.size());
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "%s: %d execution samples (JFR, Java code only: JIT compiler threads and "
                    + "time inside the VM do not show).%n%n", options.get("title", jfr.getFileName().toString()), samples.size()));
            md.append("Threads: ").append(String.join(", ", ranked(threads, 6).stream()
                    .map(e -> e.getKey() + " " + percent(e.getValue(), n)).toList())).append("\n\n");
            md.append("| on the stack | share of samples |\n|---|---:|\n");
            ranked(inclusive, 40).forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(percent(e.getValue(), n)).append(" |\n"));
            md.append("\n| hottest top frames | share |\n|---|---:|\n");
            ranked(top, 8).forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(percent(e.getValue(), n)).append(" |\n"));
            md.append("\n| innermost Roadshow frame | share |\n|---|---:|\n");
            ranked(innermost, 8).forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(percent(e.getValue(), n)).append(" |\n"));
            if (options.has("out")) {
                Files.writeString(options.path("out"), md.toString(), StandardCharsets.UTF_8);
            }
            System.out.print(md);
        }

        private static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts, int limit) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit).toList();
        }

        private static String percent(int count, int of) {
            return String.format(Locale.ROOT, "%.0f%%", 100.0 * count / of);
        }
    }

    // ---------------------------------------------------------------- shared pieces

    /** Starting and stopping the launcher, and the example bundles it carries. */
    static final class Roadshow {
        static List<String> command(Path jar, Path home, int port, String javaOpts) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String opt : javaOpts.trim().split("\\s+")) {
                if (!opt.isEmpty()) {
                    command.add(opt);
                }
            }
            command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--home", home.toString()));
            return command;
        }

        /** SIGTERM, as an operator stops it; the launcher's shutdown hook stops the framework. */
        static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        /** The example bundles the launcher seeds a new home with, by file name. */
        static Map<String, byte[]> examples(Path jar) throws IOException {
            Map<String, byte[]> examples = new LinkedHashMap<>();
            try (FileSystem fs = FileSystems.newFileSystem(jar); Stream<Path> files = Files.list(fs.getPath("/examples"))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    examples.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            return examples;
        }

        static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Reading content bundles: which courses a JAR carries, and a copy at another version. */
    static final class ContentJars {
        static List<Path> jarsIn(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        }

        /** {@code vendor/course} of every {@code <content>/courses/<id>/course.yaml} in the JAR. */
        static List<String> courses(byte[] jar) {
            List<String> courses = new ArrayList<>();
            try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
                Attributes main = in.getManifest().getMainAttributes();
                String vendor = main.getValue("Roadshow-Vendor");
                String content = main.getValue("Roadshow-Content");
                String prefix = (content.endsWith("/") ? content : content + "/") + "courses/";
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    String name = e.getName();
                    if (name.startsWith(prefix) && name.endsWith("/course.yaml")
                            && name.substring(prefix.length()).indexOf('/') == name.length() - prefix.length() - "/course.yaml".length()) {
                        courses.add(vendor + "/" + name.substring(prefix.length(), name.length() - "/course.yaml".length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Collections.sort(courses);
            return courses;
        }

        /** Whether a {@code GET /api/v1/courses} answer lists every expected course. */
        static boolean listsAll(String body, Set<String> expected) {
            for (String course : expected) {
                if (!body.contains("\"url\":\"/courses/" + course + "\"")) {
                    return false;
                }
            }
            return true;
        }

        static void writeWithVersion(byte[] jar, String version, Path target) throws IOException {
            try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
                Manifest manifest = new Manifest(in.getManifest());
                manifest.getMainAttributes().putValue("Bundle-Version", version);
                String capabilities = manifest.getMainAttributes().getValue("Provide-Capability");
                if (capabilities != null) {
                    manifest.getMainAttributes().putValue("Provide-Capability",
                            capabilities.replaceAll("version:Version=\"[^\"]*\"", "version:Version=\"" + version + "\""));
                }
                try (OutputStream stream = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(stream, manifest)) {
                    for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /** A status and a body, as the poller saw them. */
    record Answer(int status, String body) {
    }

    /**
     * Polls one URL until an answer satisfies a condition. Each poll is one HTTP/1.0 request
     * on a new loopback connection, written by hand: a refused connection costs about 0.15 ms
     * of CPU this way, against about 1 ms through {@code java.net.http.HttpClient}, and the
     * poller shares two cores with the server it waits for. It is warmed up against a
     * throw-away local server first, so its own class loading and JIT stay out of the figures.
     */
    static final class Poller {

        static Poller warmedUp() throws Exception {
            Poller poller = new Poller();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = "{\"url\":\"/courses/a/b\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                int port = server.getAddress().getPort();
                for (int i = 0; i < 2000; i++) {
                    poller.get(URI.create("http://localhost:" + port + (i % 2 == 0 ? "/" : "/x?limit=1")));
                }
            } finally {
                server.stop(0);
            }
            // The failure path too: a port nobody listens on.
            int nobody;
            try (ServerSocket closed = new ServerSocket(0)) {
                nobody = closed.getLocalPort();
            }
            for (int i = 0; i < 2000; i++) {
                poller.get(URI.create("http://localhost:" + nobody + "/"));
            }
            return poller;
        }

        /** The answer, or null when there is none (refused, reset, timed out). */
        Answer get(URI uri) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort()), 2000);
                socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                // HTTP/1.0: the server closes the connection after the answer and sends no chunks.
                socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: localhost:" + uri.getPort()
                        + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                byte[] raw = socket.getInputStream().readAllBytes();
                String text = new String(raw, StandardCharsets.UTF_8);
                int space = text.indexOf(' ');
                int headersEnd = text.indexOf("\r\n\r\n");
                if (!text.startsWith("HTTP/") || space < 0 || text.length() < space + 4) {
                    return null;
                }
                int status = Integer.parseInt(text.substring(space + 1, space + 4));
                return new Answer(status, headersEnd < 0 ? "" : text.substring(headersEnd + 4));
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        /** Milliseconds from {@code t0} to the first answer that satisfies {@code done}. */
        double until(URI uri, Predicate<Answer> done, long t0, long limitMillis, Process process)
                throws InterruptedException {
            while (true) {
                Answer answer = get(uri);
                long now = System.nanoTime();
                if (answer != null && done.test(answer)) {
                    return millis(t0, now);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Roadshow exited with " + process.exitValue() + " while waiting for " + uri);
                }
                if (millis(t0, now) > limitMillis) {
                    throw new IllegalStateException("No satisfying answer from " + uri + " within " + limitMillis + " ms");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    /** The launcher's standard output and error, each line stamped with ms since the process was created. */
    static final class ChildLog {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Double> stamps = Collections.synchronizedMap(new LinkedHashMap<>());
        private final List<Thread> readers = new ArrayList<>();
        private final Path file;

        ChildLog(Process process, long t0, Path file) {
            this.file = file;
            readers.add(reader(process.getInputStream(), t0, "out"));
            readers.add(reader(process.getErrorStream(), t0, "err"));
        }

        private Thread reader(InputStream stream, long t0, String name) {
            Thread thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        double at = millis(t0, System.nanoTime());
                        lines.add(String.format(Locale.ROOT, "+%8.1f ms %s %s", at, name, line));
                        synchronized (stamps) {
                            stamps.put(stamps.size() + "\t" + line, at);
                        }
                    }
                } catch (IOException e) {
                    // the process went away
                }
            }, "child-" + name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        String first(String marker) {
            synchronized (stamps) {
                return stamps.entrySet().stream().filter(e -> e.getKey().contains(marker)).findFirst()
                        .map(e -> String.format(Locale.ROOT, "%.0f", e.getValue())).orElse("-");
            }
        }

        String last(String marker) {
            synchronized (stamps) {
                String found = "-";
                for (var e : stamps.entrySet()) {
                    if (e.getKey().contains(marker)) {
                        found = String.format(Locale.ROOT, "%.0f", e.getValue());
                    }
                }
                return found;
            }
        }

        void close() throws InterruptedException {
            for (Thread t : readers) {
                t.join(5000);
            }
            try {
                synchronized (lines) {
                    Files.write(file, lines, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * CPU time from Linux's {@code /proc}: of a process (all its threads) and of the whole
     * machine, so that a figure can say how much of the machine other processes took meanwhile.
     * Other work on this machine (builds, test runs) shares its two cores with the benchmark.
     */
    static final class Cpu {
        private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

        /** User and system CPU time of a process, in ms; 0 where /proc has no such process. */
        static long processMillis(long pid) {
            return processMillis(pid, Path.of("/proc", Long.toString(pid)));
        }

        /** The same for {@code /proc/<pid>} or one of its {@code task/<tid>} folders. */
        static long processMillis(long pid, Path procFolder) {
            try {
                String stat = Files.readString(procFolder.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command name: state(0) ... utime(11) stime(12)
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MILLIS;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /**
         * CPU time the machine's processes and kernel used since boot, in ms, all cores added
         * up: user, nice, system, irq, softirq of {@code /proc/stat}; not idle, iowait or steal.
         */
        static long machineBusyMillis() {
            long[] f = machineTicks();
            return (f[1] + f[2] + f[3] + f[6] + f[7]) * TICK_MILLIS;
        }

        /** CPU time the hypervisor gave to other guests while this one wanted it ("steal"), in ms. */
        static long stealMillis() {
            return machineTicks()[8] * TICK_MILLIS;
        }

        private static long[] machineTicks() {
            long[] ticks = new long[11];
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i < ticks.length; i++) {
                    ticks[i] = Long.parseLong(f[i]);
                }
            } catch (IOException | RuntimeException e) {
                // no /proc: every figure reads 0
            }
            return ticks;
        }

        /**
         * Waits, up to {@code maxSeconds}, until the machine has been nearly idle (under a fifth
         * of one core busy) for a second; returns the seconds waited. A busy machine after that
         * is not an error: the run goes ahead and its others_cpu_ms column tells.
         */
        static double awaitQuiet(int maxSeconds) throws InterruptedException {
            long start = System.nanoTime();
            while (millis(start, System.nanoTime()) < maxSeconds * 1000.0) {
                long busy0 = machineBusyMillis() + stealMillis();
                Thread.sleep(1000);
                if (machineBusyMillis() + stealMillis() - busy0 < 200) {
                    break;
                }
            }
            return Math.max(0, millis(start, System.nanoTime()) / 1000.0 - 1);
        }
    }

    /** A tab-separated file with a header line, as rows of name to value. */
    static final class Table {
        static List<Map<String, String>> read(Path tsv) throws IOException {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            List<Map<String, String>> rows = new ArrayList<>();
            if (lines.isEmpty()) {
                return rows;
            }
            String[] header = lines.get(0).split("\t");
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }

        static List<Map<String, String>> where(List<Map<String, String>> rows, String column, String value) {
            return rows.stream().filter(r -> value.equals(r.get(column))).toList();
        }

        static List<Double> numbers(List<Map<String, String>> rows, String column) {
            List<Double> numbers = new ArrayList<>();
            for (Map<String, String> r : rows) {
                try {
                    numbers.add(Double.parseDouble(r.get(column)));
                } catch (NumberFormatException | NullPointerException e) {
                    // a step that did not happen
                }
            }
            return numbers;
        }
    }

    static final class Stats {
        static double median(List<Double> samples) {
            List<Double> sorted = new ArrayList<>(samples);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        static String format(double value) {
            if (Math.abs(value) >= 100) {
                return String.format(Locale.ROOT, "%.0f", value);
            }
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }

    static double millis(long from, long to) {
        return (to - from) / 1_000_000.0;
    }

    /** Named command-line options. */
    record Options(Map<String, String> values) {
        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        Path path(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return Path.of(value).toAbsolutePath();
        }

        int integer(String name, int otherwise) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
        }
    }
}
