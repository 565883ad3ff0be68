package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The launcher as an operator runs it: {@code java -jar roadshow.jar} on a free port with
 * a new home, hot deploy through the home's {@code deploy/} folder, clean stop on SIGTERM.
 */
class LauncherIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    @Test
    void newHomeIsSeededWithTheExamplesAndServesTheirCatalog() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find())) {
            Http http = new Http(launcher.awaitUrl());

            JsonNode catalog = http.awaitJson("/api/v1/courses",
                    c -> Http.courseIds(c).stream().map(id -> id.split("/")[0]).distinct().count() == 2, WAIT);
            assertThat(Http.courseIds(catalog)).anyMatch(id -> id.startsWith("acme/")).anyMatch(id -> id.startsWith("northwind/"));
            assertThat(Files.list(home.resolve("deploy")).map(p -> p.getFileName().toString()))
                    .contains("com.acme.training.cloud.jar", "com.northwind.training.security.jar");
            assertThat(home.resolve("data")).isDirectory();
            assertThat(home.resolve("conf")).isDirectory();
            assertThat(http.get("/").body()).contains("Course catalog");

            assertThat(launcher.terminate()).as("exit code after SIGTERM").isEqualTo(143);
            assertThat(launcher.output()).as("stopped every bundle before exiting").contains("Roadshow stopped");
        }
    }

    @Test
    void firstStartPrintsAOneTimeAdminPasswordThatMustBeReplacedAtOnce() throws Exception {
        Path fresh = scratch.resolve("fresh-home");
        try (LauncherProcess launcher = LauncherProcess.start(fresh, FreePort.find(), false, "--examples", "false")) {
            String url = launcher.awaitUrl();
            Pattern printed = Pattern.compile("log in at /login as (\\S+) with the one-time password (\\S+)");
            long deadline = System.nanoTime() + WAIT.toNanos();
            Matcher found = null;
            while (found == null && System.nanoTime() < deadline) {
                found = launcher.output().stream().map(printed::matcher).filter(Matcher::find).findFirst().orElse(null);
                Thread.sleep(25);
            }
            assertThat(found).as("the one-time password is printed:\n" + String.join("\n", launcher.output())).isNotNull();
            assertThat(found.group(1)).isEqualTo("admin@roadshow.local");

            Http admin = Http.admin(url, found.group(1), found.group(2));
            HttpResponse<String> refused = admin.get("/api/v1/users");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Choose a new password");
            assertThat(admin.get("/static/../api/v1/users").statusCode()).as("no way round it by dot segments").isEqualTo(403);
            assertThat(admin.form("/account/password", Map.of("_csrf", admin.csrfToken(), "currentPassword", found.group(2),
                    "password", "my-own-admin-password", "confirmation", "my-own-admin-password")).statusCode()).isEqualTo(302);
            new Http(url).logIn("admin@roadshow.local", "my-own-admin-password");
            assertThat(Http.admin(url, "admin@roadshow.local", "my-own-admin-password").get("/api/v1/users").statusCode()).isEqualTo(200);
        }
        try (LauncherProcess again = LauncherProcess.start(fresh, FreePort.find(), false, "--examples", "false")) {
            Http.admin(again.awaitUrl(), "admin@roadshow.local", "my-own-admin-password");
            assertThat(again.output()).as("no second one-time password").noneMatch(line -> line.contains("one-time password"));
        }
    }

    @Test
    void jarDroppedIntoDeployAppearsInTheCatalogAndLeavesWhenDeleted() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = new Http(launcher.awaitUrl());
            assertThat(Http.courseIds(http.json("/api/v1/courses"))).isEmpty();

            Path built = ContentJar.course("com.test.dropped", "1.0.0", "dropco", "dropped-course", "Dropped Course",
                    "first", "second").writeTo(scratch.resolve("dropped.jar"));
            Path deployed = home.resolve("deploy").resolve("dropped.jar");
            // Copy then rename, as an operator's deploy script does, so the watcher never sees half a file.
            Files.copy(built, home.resolve("deploy").resolve("dropped.jar.part"));
            Files.move(home.resolve("deploy").resolve("dropped.jar.part"), deployed, StandardCopyOption.ATOMIC_MOVE);

            http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("dropco/dropped-course"), WAIT);
            assertThat(http.get("/courses/dropco/dropped-course").body()).contains("Dropped Course");

            Path upgrade = ContentJar.course("com.test.dropped", "2.0.0", "dropco", "dropped-course",
                    "Dropped Course", "first", "second", "third").writeTo(scratch.resolve("dropped-2.jar"));
            Files.copy(upgrade, deployed, StandardCopyOption.REPLACE_EXISTING);
            http.awaitJson("/api/v1/courses/dropco/dropped-course", c -> c.path("version").asText().equals("2.0.0"), WAIT);

            Files.delete(deployed);
            http.awaitJson("/api/v1/courses", c -> !Http.courseIds(c).contains("dropco/dropped-course"), WAIT);

            assertThat(launcher.terminate()).isEqualTo(143);
        }
    }

    @Test
    void brokenUpgradeDroppedIntoDeployLeavesThePreviousVersionServing() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = Http.admin(launcher.awaitUrl());
            Path deployed = home.resolve("deploy").resolve("course.jar");
            ContentJar.course("com.test.keep", "1.0.0", "keep", "kept", "Kept Course", "one").writeTo(deployed);
            http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("keep/kept"), WAIT);

            ContentJar.course("com.test.keep", "1.1.0", "keep", "kept", "Kept Course", "one")
                    .file("roadshow/quizzes/bad.yaml", "id: bad\ntitle: Bad\npassScore: 0.5\nquestions:\n"
                            + "  - id: q1\n    type: essay\n    prompt: Write.\n")
                    .writeTo(scratch.resolve("bad.jar"));
            Files.copy(scratch.resolve("bad.jar"), deployed, StandardCopyOption.REPLACE_EXISTING);

            JsonNode refused = http.awaitJson("/api/v1/bundles?state=refused", b -> b.path("items").size() == 1, WAIT);
            assertThat(refused.path("items").get(0).path("version").asText()).isEqualTo("1.1.0");
            assertThat(refused.path("items").get(0).path("errors").findValuesAsText("rule")).contains("question.type.unknown");
            assertThat(http.json("/api/v1/courses/keep/kept").path("version").asText()).isEqualTo("1.0.0");
            assertThat(http.get("/courses/keep/kept/lessons/one").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void restartServesTheSameSetAndCatchesUpWithChangesMadeWhileStopped() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find())) {
            new Http(launcher.awaitUrl()).awaitJson("/api/v1/courses",
                    c -> Http.courseIds(c).stream().anyMatch(id -> id.startsWith("northwind/")), WAIT);
            assertThat(launcher.terminate()).isEqualTo(143);
        }
        Files.delete(home.resolve("deploy").resolve("com.northwind.training.security.jar"));
        ContentJar.course("com.test.added", "1.0.0", "added", "while-stopped", "Added While Stopped", "one")
                .writeTo(home.resolve("deploy").resolve("added.jar"));

        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find())) {
            Http http = Http.admin(launcher.awaitUrl());
            JsonNode catalog = http.awaitJson("/api/v1/courses",
                    c -> Http.courseIds(c).contains("added/while-stopped"), WAIT);
            assertThat(Http.courseIds(catalog)).noneMatch(id -> id.startsWith("northwind/"));
            // Acme requires a Northwind course, so with Northwind gone it waits, and says why.
            JsonNode unresolved = http.awaitJson("/api/v1/bundles?state=unresolved", b -> b.path("items").size() == 1, WAIT);
            assertThat(unresolved.path("items").get(0).path("symbolicName").asText()).isEqualTo("com.acme.training.cloud");
            assertThat(launcher.terminate()).isEqualTo(143);
        }
    }

    @Test
    void configurationFileInConfReconfiguresTheRunningSystem() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = Http.admin(launcher.awaitUrl());
            Path limits = home.resolve("conf").resolve("roadshow.content.cfg");
            Files.writeString(limits, "# at most 200 bytes per entry\nmax.entry.bytes = 200\n");

            ContentJar.course("com.test.big", "1.0.0", "big", "long-read", "Long Read", "one")
                    .file("roadshow/courses/long-read/assets/notes.txt", "x".repeat(1000))
                    .writeTo(home.resolve("deploy").resolve("big.jar"));
            JsonNode refused = http.awaitJson("/api/v1/bundles?state=refused", b -> b.path("items").size() == 1, WAIT);
            assertThat(refused.path("items").get(0).path("errors").findValuesAsText("rule")).as(refused.toString())
                    .contains("entry.too-large");

            Files.delete(limits);
            try {
                http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("big/long-read"), WAIT);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + String.join("\n", launcher.output()), e);
            }
        }
    }

    @Test
    void brokenContentJarIsNeverInstalledAndSaysWhy() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = Http.admin(launcher.awaitUrl());
            ContentJar.course("com.test.broken", "1.0.0", "broken", "missing-lesson", "Missing Lesson", "one")
                    .file("roadshow/courses/missing-lesson/course.yaml", "id: missing-lesson\ntitle: Missing\nlessons:\n"
                            + "  - id: one\n    title: One\n    file: lessons/nowhere.md\n")
                    .writeTo(home.resolve("deploy").resolve("broken.jar"));

            JsonNode refused = http.awaitJson("/api/v1/bundles?state=refused", b -> b.path("items").size() == 1, WAIT);
            JsonNode error = refused.path("items").get(0).path("errors").get(0);
            assertThat(error.path("file").asText()).isEqualTo("roadshow/courses/missing-lesson/course.yaml");
            assertThat(error.path("line").asInt()).isEqualTo(6);
            assertThat(launcher.output()).noneMatch(line -> line.contains("Installed com.test.broken"));
        }
    }

    @Test
    void contentJarCarryingCodeIsRefusedAndNeverStarted() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = Http.admin(launcher.awaitUrl());
            ContentJar.course("com.test.trojan", "1.0.0", "trojan", "free-course", "Free Course", "one")
                    .header("Bundle-Activator", "com.trojan.Activator")
                    .file("com/trojan/Activator.class", "not really a class")
                    .writeTo(home.resolve("deploy").resolve("trojan.jar"));

            JsonNode refused = http.awaitJson("/api/v1/bundles?state=refused", b -> b.path("items").size() == 1, WAIT);
            assertThat(refused.path("items").get(0).path("errors").findValuesAsText("rule"))
                    .contains("manifest.code", "file.code");
            assertThat(launcher.output()).noneMatch(line -> line.contains("Installed com.test.trojan"));
            assertThat(Http.courseIds(http.json("/api/v1/courses"))).isEmpty();
        }
    }

    @Test
    void renamedJarKeepsItsCourseServing() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            Http http = Http.admin(launcher.awaitUrl());
            Path first = ContentJar.course("com.test.renamed", "1.0.0", "ren", "renamed", "Renamed", "one")
                    .writeTo(home.resolve("deploy").resolve("renamed-1.jar"));
            http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("ren/renamed"), WAIT);

            Files.move(first, home.resolve("deploy").resolve("renamed-2.jar"));
            Thread.sleep(500);
            http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("ren/renamed"), WAIT);
            assertThat(http.json("/api/v1/bundles").path("items").size()).isEqualTo(1);
        }
    }

    @Test
    void olderJarCopiedInWhileStoppedIsServedAfterRestart() throws Exception {
        Path deployed = home.resolve("deploy").resolve("rollback.jar");
        Path older = ContentJar.course("com.test.rollback", "1.0.0", "rb", "course", "Version One", "one")
                .writeTo(scratch.resolve("rollback-1.0.0.jar"));
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000));
        ContentJar.course("com.test.rollback", "2.0.0", "rb", "course", "Version Two", "one").writeTo(deployed);
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            new Http(launcher.awaitUrl()).awaitJson("/api/v1/courses/rb/course",
                    c -> c.path("version").asText().equals("2.0.0"), WAIT);
            assertThat(launcher.terminate()).isEqualTo(143);
        }
        // A rollback as "cp -p" does it: the older file keeps its older time stamp.
        Files.copy(older, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        try (LauncherProcess launcher = LauncherProcess.start(home, FreePort.find(), "--examples", "false")) {
            JsonNode course = new Http(launcher.awaitUrl()).awaitJson("/api/v1/courses/rb/course",
                    c -> c.path("version").asText().equals("1.0.0"), WAIT);
            assertThat(course.path("title").asText()).isEqualTo("Version One");
        }
    }

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() throws Exception {
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("roadshow.jar", "target/roadshow.jar"), "--help")
                .redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes());
        assertThat(help.waitFor()).isZero();
        assertThat(text).contains("--port", "ROADSHOW_PORT", "--home", "ROADSHOW_HOME", "--db", "ROADSHOW_DB",
                "--examples", "ROADSHOW_EXAMPLES");
    }
}
