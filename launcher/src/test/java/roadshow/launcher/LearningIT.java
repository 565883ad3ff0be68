package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Enrollment and progress on the real host: progress is kept by course and lesson ids, so a
 * new version of the course bundle keeps it, and removing the bundle only hides it.
 */
class LearningIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path home;
    @TempDir
    static Path jars;

    private static Host host;
    private static Http learner;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:learningit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        Http admin = Http.admin(host.url());
        learner = Http.newPerson(admin, "lea@learner.test", "Lea", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    private static JsonNode progress() throws Exception {
        return ok(learner.get("/api/v1/me/progress")).path("items");
    }

    @Test
    void progressSurvivesANewVersionOfTheCourseAndItsRemoval() throws Exception {
        Path v1 = ContentJar.course("com.test.learning", "1.0.0", "learn", "basics", "Basics", "a", "b", "c")
                .writeTo(jars.resolve("v1.jar"));
        Bundle bundle;
        try (InputStream in = Files.newInputStream(v1)) {
            bundle = host.bundleContext().installBundle("test:learning", in);
        }
        bundle.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("learn/basics"), WAIT);

        assertThat(new Http(host.url()).send("POST", "/api/v1/courses/learn/basics/enrollment", null).statusCode()).isEqualTo(401);
        assertThat(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/a/completion", null).statusCode())
                .as("not enrolled yet").isEqualTo(409);
        JsonNode enrolled = ok(learner.send("POST", "/api/v1/courses/learn/basics/enrollment", null));
        assertThat(enrolled.path("lessonsTotal").asInt()).isEqualTo(3);
        assertThat(enrolled.path("resumeLesson").asText()).isEqualTo("a");
        ok(learner.send("POST", "/api/v1/courses/learn/basics/enrollment", null));
        ok(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/a/completion", null));
        ok(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/b/completion", null));
        JsonNode twice = ok(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/b/completion", null));
        assertThat(twice.path("lessonsDone").asInt()).as("idempotent").isEqualTo(2);
        assertThat(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/zz/completion", null).statusCode()).isEqualTo(404);

        // 2.0.0 drops lesson b and adds d: a stays done, d is new, b no longer counts
        try (InputStream in = Files.newInputStream(ContentJar.course("com.test.learning", "2.0.0", "learn", "basics", "Basics",
                "a", "c", "d").writeTo(jars.resolve("v2.jar")))) {
            bundle.update(in);
        }
        new Http(host.url()).awaitJson("/api/v1/courses/learn/basics", c -> "2.0.0".equals(c.path("version").asText()), WAIT);
        JsonNode upgraded = progress().get(0);
        assertThat(upgraded.path("version").asText()).isEqualTo("2.0.0");
        assertThat(upgraded.path("lessonsDone").asInt()).isEqualTo(1);
        assertThat(upgraded.path("lessonsTotal").asInt()).isEqualTo(3);
        assertThat(upgraded.path("resumeLesson").asText()).isEqualTo("c");

        ok(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/c/completion", null));
        JsonNode completed = ok(learner.send("PUT", "/api/v1/courses/learn/basics/lessons/d/completion", null));
        assertThat(completed.path("completedAt").asText()).isNotEmpty();
        assertThat(completed.path("completedVersion").asText()).isEqualTo("2.0.0");

        bundle.stop();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> !Http.courseIds(c).contains("learn/basics"), WAIT);
        assertThat(progress().size()).as("hidden while its bundle is away").isZero();
        bundle.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("learn/basics"), WAIT);
        JsonNode back = progress().get(0);
        assertThat(back.path("lessonsDone").asInt()).isEqualTo(3);
        assertThat(back.path("completedVersion").asText()).as("kept, with the version it was earned on").isEqualTo("2.0.0");

        // rolled back to 1.0.0: b, done before 2.0.0 removed it, counts again; nothing was lost
        try (InputStream in = Files.newInputStream(v1)) {
            bundle.update(in);
        }
        new Http(host.url()).awaitJson("/api/v1/courses/learn/basics", c -> "1.0.0".equals(c.path("version").asText()), WAIT);
        JsonNode rolledBack = progress().get(0);
        assertThat(rolledBack.path("version").asText()).isEqualTo("1.0.0");
        assertThat(rolledBack.path("lessonsDone").asInt()).as("a, b and c").isEqualTo(3);
        assertThat(rolledBack.path("lessonsTotal").asInt()).isEqualTo(3);
        assertThat(rolledBack.path("completedVersion").asText()).isEqualTo("2.0.0");
        bundle.uninstall();
    }

    @Test
    void aLearnerEnrollsAndMarksLessonsDoneOnThePagesAndResumesWhereTheyStopped() throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(ContentJar.course("com.test.pages", "1.0.0", "learn", "pages", "Pages Course",
                "one", "two").writeTo(jars.resolve("pages.jar")))) {
            bundle = host.bundleContext().installBundle("test:pages", in);
        }
        bundle.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("learn/pages"), WAIT);
        assertThat(new Http(host.url()).get("/courses/learn/pages").body()).contains("href=\"/learning/courses/learn/pages\"");
        assertThat(new Http(host.url()).get("/learning/courses/learn/pages").statusCode()).as("a visitor logs in first").isEqualTo(302);

        HttpResponse<String> page = learner.get("/learning/courses/learn/pages");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Enroll");
        assertThat(learner.form("/learning/courses/learn/pages", java.util.Map.of("_csrf", learner.csrfToken(), "action", "enroll"))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> done = learner.form("/learning/courses/learn/pages", java.util.Map.of("_csrf", learner.csrfToken(),
                "action", "done", "lesson", "one"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/courses/learn/pages/lessons/two");
        HttpResponse<String> mine = learner.get("/learning");
        assertThat(mine.body()).contains("Pages Course", "1 of 2 lessons done", "href=\"/courses/learn/pages/lessons/two\"");
        assertThat(learner.form("/learning/courses/learn/pages", java.util.Map.of("action", "enroll")).statusCode())
                .as("no CSRF token").isEqualTo(403);
        bundle.uninstall();
    }

    @Test
    void anIntegrationTokenRecordsNoLearnersProgress() throws Exception {
        Http admin = Http.admin(host.url());
        assertThat(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "learning-org", "name", "Learning Org")).statusCode())
                .isEqualTo(201);
        String token = Http.JSON.readTree(admin.send("POST", "/api/v1/tokens", IdentityIT.json("name", "CRM", "org", "learning-org"))
                .body()).path("token").asText();
        assertThat(new Http(host.url()).bearer(token).get("/api/v1/me/progress").statusCode()).isEqualTo(403);
        assertThat(new Http(host.url()).get("/api/v1/me/progress").statusCode()).isEqualTo(401);
    }

    @Test
    void aCourseWithPrerequisitesTakesEnrollmentOnlyOnceTheyAreCompleted() throws Exception {
        ContentJar jar = ContentJar.course("com.test.prereq", "1.0.0", "learn", "advanced", "Advanced", "x");
        jar.file("roadshow/courses/intro/course.yaml", """
                id: intro
                title: Intro
                summary: First things first.
                language: en
                duration: PT20M
                level: beginner
                tags: [testing]
                lessons:
                  - {id: i, title: Lesson i, file: lessons/01-i.md}
                """).file("roadshow/courses/intro/lessons/01-i.md", "# Lesson i\n\nText.\n");
        jar.file("roadshow/courses/advanced/course.yaml", """
                id: advanced
                title: Advanced
                summary: Only after the intro.
                language: en
                duration: PT20M
                level: advanced
                tags: [testing]
                prerequisites: [intro]
                lessons:
                  - {id: x, title: Lesson x, file: lessons/01-x.md}
                """);
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar.writeTo(jars.resolve("prereq.jar")))) {
            bundle = host.bundleContext().installBundle("test:prereq", in);
        }
        bundle.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("learn/advanced"), WAIT);
        Http lee = Http.newPerson(Http.admin(host.url()), "lee@learner.test", "Lee", PASSWORD);

        HttpResponse<String> refused = lee.send("POST", "/api/v1/courses/learn/advanced/enrollment", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("learn/intro");
        HttpResponse<String> page = lee.form("/learning/courses/learn/advanced", java.util.Map.of("_csrf", lee.csrfToken(),
                "action", "enroll"));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).as("the page says what is missing").contains("href=\"/learning/courses/learn/intro\">Intro</a>");

        ok(lee.send("POST", "/api/v1/courses/learn/intro/enrollment", null));
        ok(lee.send("PUT", "/api/v1/courses/learn/intro/lessons/i/completion", null));
        assertThat(ok(lee.send("POST", "/api/v1/courses/learn/advanced/enrollment", null)).path("lessonsTotal").asInt()).isEqualTo(1);
        bundle.uninstall();
    }
}
