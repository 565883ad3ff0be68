package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A question type added by a code bundle, on the real host: the example cloze bundle the
 * launcher carries is installed beside a content bundle whose quiz requires it. The quiz
 * is taken through the REST API and the attempt page; without the code bundle it is
 * unavailable while everything else keeps serving, and it comes back with the bundle.
 */
class QuestionTypePluginIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "a-long-enough-password";
    private static final String REQUIRES_CLOZE = "roadshow.question.type;filter:=\"(roadshow.question.type=cloze)\"";
    private static final String FILL_IN = """
            id: fill-in
            title: Fill in
            passScore: 0.5
            questions:
              - id: terms
                type: cloze
                points: 2
                partial: true
                prompt: Fill in the blanks.
                text: Users can be added at [[any time|anytime]], and removed at [[renewal]].
                feedback: Up in any month, down at renewal.
              - id: pick
                type: single
                prompt: Which is right?
                choices:
                  - {id: a, text: This one, correct: true}
                  - {id: b, text: That one}
            """;
    private static final String PLAIN = """
            id: plain
            title: Plain
            passScore: 0.5
            questions:
              - id: built-in
                type: truefalse
                prompt: Is this quiz of built-in types only?
                answer: true
            """;

    @TempDir
    static Path home;
    @TempDir
    static Path jars;

    private static Host host;
    private static Http learner;
    private static Http admin;
    private static Path clozeJar;
    private static Bundle cloze;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:questiontypepluginit", false, null,
                Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD));
        admin = Http.admin(host.url());
        learner = Http.newPerson(admin, "cleo@learner.test", "Cleo", PASSWORD);
        clozeJar = carriedExample("com.acme.quiz.cloze.jar");
        cloze = installClozeBundle("test:cloze");
        Bundle content = install(ContentJar.course("com.test.words", "1.0.0", "words", "terms", "Terms", "one")
                .header("Require-Capability", REQUIRES_CLOZE)
                .file("roadshow/quizzes/fill-in.yaml", FILL_IN)
                .file("roadshow/quizzes/plain.yaml", PLAIN), "words");
        content.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("words/terms"), WAIT);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    /**
     * A bundle the launcher carries as an example: beside its classes when the tests run
     * from the build's classes folder, inside its jar when they run from the jar.
     */
    private static Path carriedExample(String name) throws Exception {
        Path carrier = Path.of(Host.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(carrier)) {
            return carrier.resolve("examples").resolve(name);
        }
        try (FileSystem jar = FileSystems.newFileSystem(carrier)) {
            return Files.copy(jar.getPath("examples", name), jars.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Bundle install(ContentJar jar, String name) throws Exception {
        try (InputStream in = Files.newInputStream(jar.writeTo(jars.resolve(name + ".jar")))) {
            return host.bundleContext().installBundle("test:" + name, in);
        }
    }

    private static Bundle installClozeBundle(String location) throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(clozeJar)) {
            bundle = host.bundleContext().installBundle(location, in);
        }
        bundle.start();
        awaitClozeService(true);
        return bundle;
    }

    private static Collection<ServiceReference<?>> clozeServices() throws Exception {
        ServiceReference<?>[] references = host.bundleContext().getServiceReferences("roadshow.quiz.api.QuestionType",
                "(roadshow.question.type=cloze)");
        return references == null ? List.of() : List.of(references);
    }

    private static void awaitClozeService(boolean there) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (clozeServices().isEmpty() == there) {
            assertThat(System.nanoTime()).as("the cloze service " + (there ? "registered" : "gone")).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private static HttpResponse<String> startAttempt(String quiz) throws Exception {
        return learner.send("POST", "/api/v1/quizzes/words/" + quiz + "/attempts", null);
    }

    private static String started(String quiz) throws Exception {
        HttpResponse<String> started = startAttempt(quiz);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Http.JSON.readTree(started.body()).path("attempt").asText();
    }

    private static HttpResponse<String> answer(String attempt, String question, String json) throws Exception {
        return learner.send("PUT", "/api/v1/attempts/" + attempt + "/answers/" + question, Http.JSON.readTree(json));
    }

    private static JsonNode question(JsonNode attempt, String id) {
        for (JsonNode question : attempt.path("questions")) {
            if (question.path("id").asText().equals(id)) {
                return question;
            }
        }
        throw new AssertionError("no question " + id + " in " + attempt);
    }

    @Test
    void theClozeTypeIsAServiceOfItsCodeBundleBesideTheBuiltInOnes() throws Exception {
        assertThat(clozeServices()).singleElement().satisfies(reference -> assertThat(reference.getBundle().getSymbolicName())
                .isEqualTo("com.acme.quiz.cloze"));
        BundleContext context = host.bundleContext();
        ServiceReference<?> registry = context.getServiceReference("roadshow.quiz.api.QuestionTypes");
        Object types = context.getService(registry);
        try {
            assertThat((Collection<Object>) types.getClass().getMethod("ids").invoke(types))
                    .contains("cloze", "single", "multiple", "truefalse", "numeric", "text", "ordering", "matching");
        } finally {
            context.ungetService(registry);
        }
    }

    @Test
    void aClozeQuestionIsAnsweredAndGradedOnTheServerWithoutItsAnswersLeavingIt() throws Exception {
        HttpResponse<String> started = startAttempt("fill-in");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.body().toLowerCase()).doesNotContain("anytime", "any time", "renewal", "[[", "feedback", "correct");
        JsonNode attempt = Http.JSON.readTree(started.body());
        String id = attempt.path("attempt").asText();
        JsonNode terms = question(attempt, "terms");
        assertThat(terms.path("type").asText()).isEqualTo("cloze");
        assertThat(terms.path("prompt").asText())
                .isEqualTo("Fill in the blanks.\n\nUsers can be added at [1], and removed at [2].");
        assertThat(terms.path("items")).isEqualTo(Http.JSON.readTree(
                "[{\"id\": \"b1\", \"text\": \"[1]\"}, {\"id\": \"b2\", \"text\": \"[2]\"}]"));

        for (String malformed : new String[] {"{\"blanks\": [\"anytime\", \"renewal\"]}", "{\"blanks\": {\"b3\": \"x\"}}",
                "{\"blanks\": {\"b1\": 1}}", "{\"text\": \"renewal\"}", "{\"choice\": \"a\"}"}) {
            HttpResponse<String> refused = answer(id, "terms", malformed);
            assertThat(refused.statusCode()).as(malformed + ": " + refused.body()).isEqualTo(400);
        }
        assertThat(answer(id, "terms", "{\"blanks\": {\"b3\": \"x\"}}").body()).contains("'b3'", "b1, b2");

        // the attempt page draws the type's own controls, and its form is read back by the type
        HttpResponse<String> page = learner.get("/attempts/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Users can be added at <input type=\"text\" name=\"a.terms.b1\" value=\"\"")
                .contains("name=\"a.terms.b2\"").doesNotContain("anytime", "any time", "[[");
        HttpResponse<String> saved = learner.form("/attempts/" + id + "/answers/terms",
                Map.of("_csrf", learner.csrfToken(), "a.terms.b1", " Any  Time ", "a.terms.b2", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        assertThat(learner.json("/api/v1/attempts/" + id).path("answers").path("terms"))
                .isEqualTo(Http.JSON.readTree("{\"blanks\": {\"b1\": \"Any  Time\", \"b2\": \"\"}}"));
        assertThat(learner.get("/attempts/" + id).body()).contains("name=\"a.terms.b1\" value=\"Any  Time\"");

        assertThat(answer(id, "terms", "{\"blanks\": {\"b1\": \"ANYTIME\", \"b2\": \" Renewal\"}}").statusCode()).isEqualTo(204);
        assertThat(answer(id, "pick", "{\"choice\": \"b\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> submitted = learner.send("POST", "/api/v1/attempts/" + id + "/submission", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode result = Http.JSON.readTree(submitted.body());
        assertThat(result.path("score").asDouble()).as("the cloze right, the choice wrong").isEqualTo(2.0);
        assertThat(result.path("maxScore").asDouble()).isEqualTo(3.0);
        assertThat(result.path("passed").asBoolean()).isTrue();
        JsonNode graded = question(result, "terms");
        assertThat(graded.path("correct").asBoolean()).isTrue();
        assertThat(graded.path("feedback").toString()).contains("Up in any month, down at renewal.");
    }

    @Test
    void withoutItsCodeBundleTheQuizIsUnavailableWhileTheRestServesAndItComesBackWithTheBundle() throws Exception {
        String before = started("fill-in");
        assertThat(answer(before, "terms", "{\"blanks\": {\"b1\": \"any time\", \"b2\": \"never\"}}").statusCode()).isEqualTo(204);
        try {
            cloze.stop();
            awaitClozeService(false);
            assertUnavailableWhileTheRestServes(before);
            cloze.start();
            awaitClozeService(true);
            started("fill-in");

            cloze.uninstall();
            awaitClozeService(false);
            assertUnavailableWhileTheRestServes(before);
        } finally {
            if (cloze.getState() == Bundle.UNINSTALLED) {
                cloze = installClozeBundle("test:cloze-again");
            }
        }
        started("fill-in");
        HttpResponse<String> submitted = learner.send("POST", "/api/v1/attempts/" + before + "/submission", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode terms = question(Http.JSON.readTree(submitted.body()), "terms");
        assertThat(terms.path("points").asDouble()).as("one blank of two right, with partial credit").isEqualTo(1.0);
        assertThat(terms.path("correct").asBoolean()).isFalse();
    }

    private static void assertUnavailableWhileTheRestServes(String attempt) throws Exception {
        HttpResponse<String> refused = startAttempt("fill-in");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).contains("cloze");
        assertThat(learner.send("POST", "/api/v1/attempts/" + attempt + "/submission", null).statusCode())
                .as("an attempt under way is kept, not graded without its type").isEqualTo(503);
        assertThat(Http.courseIds(new Http(host.url()).json("/api/v1/courses"))).contains("words/terms");
        assertThat(startAttempt("plain").statusCode()).as("a quiz of built-in types only").isEqualTo(201);
        assertThat(new Http(host.url()).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aContentBundleWhoseQuestionTypeNoBundleProvidesStaysUnresolvedAndSaysWhy() throws Exception {
        Bundle waiting = install(ContentJar.course("com.test.hotspots", "1.0.0", "spots", "maps", "Maps", "one")
                .header("Require-Capability", "roadshow.question.type;filter:=\"(roadshow.question.type=hotspot)\"")
                .file("roadshow/quizzes/where.yaml", """
                        id: where
                        title: Where
                        passScore: 0.5
                        questions:
                          - {id: q1, type: hotspot, prompt: Where is it, image: map.png}
                        """), "hotspots");
        try {
            JsonNode unresolved = admin.awaitJson("/api/v1/bundles?state=unresolved",
                    b -> b.path("items").size() == 1, WAIT).path("items").get(0);
            assertThat(unresolved.path("symbolicName").asText()).isEqualTo("com.test.hotspots");
            assertThat(unresolved.path("errors").get(0).path("message").asText()).isEqualTo("requires question type hotspot, "
                    + "which no installed bundle provides: a platform operator adds it by installing the code bundle that provides it");
            assertThat(Http.courseIds(new Http(host.url()).json("/api/v1/courses"))).contains("words/terms")
                    .doesNotContain("spots/maps");
        } finally {
            waiting.uninstall();
        }
    }
}
