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

/** Quiz attempts on the real host, graded on the server, with nothing of the answers sent before submission. */
class QuizIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "a-long-enough-password";
    private static final String QUIZ = """
            id: check
            title: Check
            passScore: 0.5
            maxAttempts: 2
            shuffle: true
            questions:
              - id: q1
                type: single
                prompt: Which is right?
                choices:
                  - {id: a, text: This one, correct: true, feedback: Well spotted.}
                  - {id: b, text: That one}
              - id: q2
                type: numeric
                prompt: How many millions?
                answer: 7.6
                tolerance: 0.1
              - id: q3
                type: ordering
                prompt: Put them in order.
                items: [Discover, Propose, Close]
            """;

    @TempDir
    static Path home;
    @TempDir
    static Path jars;

    private static Host host;
    private static Http learner;
    private static Bundle bundle;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:quizit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        Http admin = Http.admin(host.url());
        learner = Http.newPerson(admin, "quinn@learner.test", "Quinn", PASSWORD);
        Path jar = ContentJar.course("com.test.quiz", "1.0.0", "quizzer", "basics", "Basics", "one")
                .file("roadshow/courses/basics/course.yaml", """
                        id: basics
                        title: Basics
                        summary: A course with a quiz.
                        language: en
                        duration: PT20M
                        level: beginner
                        tags: [testing]
                        quiz: check
                        lessons:
                          - id: one
                            title: Lesson one
                            file: lessons/01-one.md
                        """)
                .file("roadshow/quizzes/check.yaml", QUIZ).writeTo(jars.resolve("quiz.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = host.bundleContext().installBundle("test:quiz", in);
        }
        bundle.start();
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("quizzer/basics"), WAIT);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void aCourseWithAQuizIsCompletedOnceItsLessonsAreDoneAndItsQuizIsPassed() throws Exception {
        Http lea = Http.newPerson(Http.admin(host.url()), "cora@learner.test", "Cora", PASSWORD);
        assertThat(lea.send("POST", "/api/v1/courses/quizzer/basics/enrollment", null).statusCode()).isEqualTo(200);
        JsonNode lessonsDone = Http.JSON.readTree(lea.send("PUT", "/api/v1/courses/quizzer/basics/lessons/one/completion", null).body());
        assertThat(lessonsDone.path("lessonsDone").asInt()).isEqualTo(1);
        assertThat(lessonsDone.path("completedAt").isNull()).as("the quiz is still to pass").isTrue();

        String id = Http.JSON.readTree(lea.send("POST", "/api/v1/quizzes/quizzer/check/attempts", null).body()).path("attempt").asText();
        lea.send("PUT", "/api/v1/attempts/" + id + "/answers/q1", Http.JSON.readTree("{\"choice\": \"a\"}"));
        lea.send("PUT", "/api/v1/attempts/" + id + "/answers/q2", Http.JSON.readTree("{\"value\": 7.6}"));
        assertThat(Http.JSON.readTree(lea.send("POST", "/api/v1/attempts/" + id + "/submission", null).body()).path("passed").asBoolean())
                .isTrue();
        JsonNode progress = Http.JSON.readTree(lea.get("/api/v1/me/progress").body()).path("items").get(0);
        assertThat(progress.path("quizPassed").asBoolean()).isTrue();
        assertThat(progress.path("completedVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    void anAttemptShowsNoAnswerSavesEachAnswerAndIsGradedOnTheServer() throws Exception {
        assertThat(new Http(host.url()).send("POST", "/api/v1/quizzes/quizzer/check/attempts", null).statusCode()).isEqualTo(401);
        HttpResponse<String> started = learner.send("POST", "/api/v1/quizzes/quizzer/check/attempts", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.body()).doesNotContain("correct", "Well spotted", "7.6", "tolerance", "answer\"");
        JsonNode attempt = Http.JSON.readTree(started.body());
        String id = attempt.path("attempt").asText();
        assertThat(attempt.path("questions").size()).isEqualTo(3);
        JsonNode ordering = null;
        for (JsonNode question : attempt.path("questions")) {
            if (question.path("type").asText().equals("ordering")) {
                ordering = question;
            }
        }
        assertThat(ordering).isNotNull();

        assertThat(learner.send("PUT", "/api/v1/attempts/" + id + "/answers/q1", Http.JSON.readTree("{\"choice\": \"zz\"}")).statusCode())
                .as("a choice the question has not").isEqualTo(400);
        assertThat(learner.send("PUT", "/api/v1/attempts/" + id + "/answers/q1", Http.JSON.readTree("{\"choice\": \"a\"}")).statusCode())
                .isBetween(200, 204);
        assertThat(learner.send("PUT", "/api/v1/attempts/" + id + "/answers/q2", Http.JSON.readTree("{\"value\": 7.65}")).statusCode())
                .isBetween(200, 204);
        Http stranger = new Http(host.url());
        stranger.logIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
        assertThat(stranger.send("POST", "/api/v1/attempts/" + id + "/submission", null).statusCode()).as("someone else's").isEqualTo(404);

        HttpResponse<String> submitted = learner.send("POST", "/api/v1/attempts/" + id + "/submission", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode result = Http.JSON.readTree(submitted.body());
        assertThat(result.path("maxScore").asDouble()).isEqualTo(3.0);
        assertThat(result.path("score").asDouble()).as("q1 and q2 right, q3 unanswered").isEqualTo(2.0);
        assertThat(result.path("passed").asBoolean()).isTrue();
        assertThat(result.toString()).contains("Well spotted.");
        assertThat(learner.send("PUT", "/api/v1/attempts/" + id + "/answers/q3", Http.JSON.readTree("{\"order\": []}")).statusCode())
                .as("submitted: closed").isEqualTo(409);

        assertThat(learner.send("POST", "/api/v1/quizzes/quizzer/check/attempts", null).statusCode()).isEqualTo(201);
        assertThat(learner.send("POST", "/api/v1/quizzes/quizzer/check/attempts", null).statusCode()).as("two attempts allowed")
                .isEqualTo(409);
    }
}
