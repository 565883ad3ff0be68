package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** A quiz of every type, whose answers are marked so that a response giving one away is found. */
    private static final String EVERY_TYPE = """
            id: every-type
            title: Every type
            passScore: 0.9
            timeLimit: PT30M
            shuffle: true
            questions:
              - id: s
                type: single
                prompt: Pick the right one.
                choices:
                  - {id: a, text: Alpha, correct: true, feedback: FB-single-right}
                  - {id: b, text: Beta, feedback: FB-single-wrong}
              - id: m
                type: multiple
                partial: true
                prompt: Pick both right ones.
                choices:
                  - {id: a, text: Apple, correct: true, feedback: FB-multiple-apple}
                  - {id: b, text: Banana, correct: true}
                  - {id: c, text: Cherry, feedback: FB-multiple-cherry}
              - id: tf
                type: truefalse
                prompt: Is it so?
                answer: false
              - id: n
                type: numeric
                prompt: How much, to three places?
                answer: 42.125
                tolerance: 0.0005
              - id: t
                type: text
                prompt: Name the island.
                answers: [Zanzibar, Pemba-alternative]
              - id: o
                type: ordering
                prompt: Put them in order.
                items: [Discover, Propose, Close]
              - id: p
                type: matching
                prompt: Match them.
                pairs:
                  - {left: Word processor, right: Desktop application}
                  - {left: Database server, right: Back office}
            """;
    /** What no response may hold before submission, in any case. */
    private static final List<String> NEVER_BEFORE_SUBMISSION = List.of("FB-", "correct\"", "correct:", "data-correct",
            "Pemba-alternative", "0.0005", "tolerance");
    /** What no response may hold before the learner has given it. */
    private static final List<String> NOT_BEFORE_ANSWERED = List.of("42.125", "Zanzibar");

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
                .file("roadshow/quizzes/check.yaml", QUIZ)
                .file("roadshow/quizzes/every-type.yaml", EVERY_TYPE).writeTo(jars.resolve("quiz.jar"));
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

    /** The body of a response, after checking that it gives away none of {@code secrets}. */
    private static String scanned(HttpResponse<String> response, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(response.body().toLowerCase(Locale.ROOT)).as("%s of %s", secret, response.uri())
                    .doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
        return response.body();
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String idOf(JsonNode options, String text) {
        for (JsonNode option : options) {
            if (option.path("text").asText().equals(text)) {
                return option.path("id").asText();
            }
        }
        throw new AssertionError(text + " is not among " + options);
    }

    @Test
    void aFullAttemptThroughThePagesAndTheApiGivesNoAnswerAwayBeforeItIsSubmitted() throws Exception {
        Http paz = Http.newPerson(Http.admin(host.url()), "paz@learner.test", "Paz", PASSWORD);
        List<String> everything = new java.util.ArrayList<>(NEVER_BEFORE_SUBMISSION);
        everything.addAll(NOT_BEFORE_ANSWERED);
        String csrf = paz.csrfToken();

        assertThat(scanned(paz.get("/quizzes/quizzer/every-type"), everything)).contains("Every type", "Start the quiz", "30 minutes");
        String attemptPage = location(paz.form("/quizzes/quizzer/every-type", Map.of("_csrf", csrf)));
        assertThat(attemptPage).startsWith("/attempts/");
        String attempt = attemptPage.substring("/attempts/".length());
        assertThat(location(paz.form("/quizzes/quizzer/every-type", Map.of("_csrf", csrf))))
                .as("starting again while one is open resumes it").isEqualTo(attemptPage);
        HttpResponse<String> page = paz.get(attemptPage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(scanned(page, everything)).contains("Pick the right one.", "Match them.", "data-deadline=", "Submit my answers");
        JsonNode shown = Http.JSON.readTree(scanned(paz.get("/api/v1/attempts/" + attempt), everything));
        assertThat(shown.path("state").asText()).isEqualTo("open");
        assertThat(shown.path("questions").size()).isEqualTo(7);
        assertThat(scanned(paz.get("/api/v1/quizzes/quizzer/every-type/attempts"), everything)).contains(attempt);
        JsonNode ordering = null;
        JsonNode matching = null;
        for (JsonNode question : shown.path("questions")) {
            if (question.path("id").asText().equals("o")) {
                ordering = question;
            } else if (question.path("id").asText().equals("p")) {
                matching = question;
            }
        }

        // saved one by one as the page's script does, each with the form fields of its question
        String save = attemptPage + "/answers/";
        HttpResponse<String> refused = paz.form(save + "n", List.of(Map.entry("_csrf", csrf), Map.entry("a.n", "forty-two")));
        assertThat(refused.statusCode()).as("not a number").isEqualTo(400);
        assertThat(scanned(refused, everything)).contains("must be a number");
        assertThat(scanned(paz.form(save + "s", List.of(Map.entry("_csrf", csrf), Map.entry("a.s", "a"))), everything).isEmpty()).isTrue();
        assertThat(paz.form(save + "n", List.of(Map.entry("_csrf", csrf), Map.entry("a.n", "42,125"))).statusCode())
                .as("a decimal comma").isEqualTo(204);
        assertThat(paz.form(save + "zz", List.of(Map.entry("_csrf", csrf), Map.entry("a.zz", "a"))).statusCode()).isEqualTo(404);
        assertThat(paz.form(save + "s", List.of(Map.entry("a.s", "b"))).statusCode()).as("no CSRF token").isEqualTo(403);

        // the rest in the whole form, as without script
        HttpResponse<String> saved = paz.form(attemptPage, List.of(Map.entry("_csrf", csrf),
                Map.entry("a.m.shown", "1"), Map.entry("a.m", "a"), Map.entry("a.m", "b"),
                Map.entry("a.tf", "false"), Map.entry("a.t", "  zanzibar "),
                Map.entry("a.o.1", idOf(ordering.path("items"), "Discover")), Map.entry("a.o.2", idOf(ordering.path("items"), "Propose")),
                Map.entry("a.o.3", idOf(ordering.path("items"), "Close")),
                Map.entry("a.p." + idOf(matching.path("left"), "Word processor"), idOf(matching.path("right"), "Desktop application")),
                Map.entry("a.p." + idOf(matching.path("left"), "Database server"), idOf(matching.path("right"), "Back office")),
                Map.entry("action", "save")));
        assertThat(location(saved)).isEqualTo(attemptPage + "?saved");
        String filledIn = scanned(paz.get(attemptPage + "?saved"), NEVER_BEFORE_SUBMISSION);
        assertThat(filledIn).contains("Your answers are saved", "7 of 7 answered", "value=\"42.125\"", "value=\"zanzibar\"");
        JsonNode answers = Http.JSON.readTree(scanned(paz.get("/api/v1/attempts/" + attempt), NEVER_BEFORE_SUBMISSION)).path("answers");
        assertThat(answers.path("m").path("choices").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(answers.path("tf").path("value").asBoolean(true)).isFalse();
        assertThat(answers.path("o").path("order").size()).isEqualTo(3);

        location(paz.form(attemptPage, List.of(Map.entry("_csrf", csrf), Map.entry("action", "submit"))));
        HttpResponse<String> result = paz.get(attemptPage);
        assertThat(result.statusCode()).isEqualTo(200);
        // what was hidden is there now: the scan above could have found it
        assertThat(result.body()).contains("Passed", "7 of 7 questions fully right", "FB-single-right", "FB-multiple-apple")
                .doesNotContain("FB-single-wrong", "FB-multiple-cherry");
        JsonNode graded = Http.JSON.readTree(paz.get("/api/v1/attempts/" + attempt).body());
        assertThat(graded.path("state").asText()).isEqualTo("submitted");
        assertThat(graded.path("result").path("score").asDouble()).isEqualTo(7.0);
        assertThat(paz.form(save + "s", List.of(Map.entry("_csrf", csrf), Map.entry("a.s", "b"))).statusCode())
                .as("a submitted attempt takes no more answers").isEqualTo(409);
        assertThat(paz.get("/quizzes/quizzer/every-type").body()).contains("You have passed this quiz.", "Attempt 1", "100%");
        Http stranger = Http.newPerson(Http.admin(host.url()), "sol@learner.test", "Sol", PASSWORD);
        assertThat(stranger.get(attemptPage).statusCode()).as("someone else's attempt").isEqualTo(404);
        assertThat(new Http(host.url()).get(attemptPage).statusCode()).as("signed out: to the log-in page").isEqualTo(302);
    }
}
