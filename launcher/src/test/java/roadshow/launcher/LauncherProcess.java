package roadshow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real launcher, {@code java -jar roadshow.jar}, in its own process, as an operator
 * starts it.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> url = new CompletableFuture<>();
    private final Thread reader;

    private LauncherProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("Roadshow is serving on ")) {
                        url.complete(line.substring("Roadshow is serving on ".length()).trim());
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            url.completeExceptionally(new IllegalStateException("Launcher exited before serving:\n" + String.join("\n", output)));
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Path home, int port, String... extraArgs) throws IOException {
        return start(home, port, true, extraArgs);
    }

    /** Starts it; {@code testAdmin} gives the first start the tests' admin, otherwise it makes its own one-time password. */
    static LauncherProcess start(Path home, int port, boolean testAdmin, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("roadshow.jar", "target/roadshow.jar"),
                "--port", Integer.toString(port), "--home", home.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ROADSHOW_PORT");
        builder.environment().remove("ROADSHOW_HOME");
        builder.environment().remove("ROADSHOW_ADMIN_EMAIL");
        builder.environment().remove("ROADSHOW_ADMIN_PASSWORD");
        if (testAdmin) {
            builder.environment().put("ROADSHOW_ADMIN_EMAIL", Http.ADMIN_EMAIL);
            builder.environment().put("ROADSHOW_ADMIN_PASSWORD", Http.ADMIN_PASSWORD);
        }
        return new LauncherProcess(builder.start());
    }

    /** The URL the launcher printed once it served. */
    String awaitUrl() throws Exception {
        return url.get(60, TimeUnit.SECONDS);
    }

    List<String> output() {
        return output;
    }

    /**
     * Sends SIGTERM, as a service manager does, and returns the exit code: 143 (128 + SIGTERM)
     * is how the JVM reports a shutdown by that signal once its shutdown hooks are done.
     */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Launcher did not stop within 30 s of SIGTERM:\n" + String.join("\n", output));
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Kills it with SIGKILL, as a crash or {@code kill -9} does: nothing of it runs after. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Launcher still running 30 s after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
