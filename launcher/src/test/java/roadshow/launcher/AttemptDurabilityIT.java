package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an attempt acknowledged is on disk: the launcher killed with SIGKILL right after
 * the last answer was acknowledged, on its default embedded database, has every answer
 * when it comes back.
 */
class AttemptDurabilityIT {

    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    Path home;

    /** An answer of the right shape for each question, whatever is right. */
    private static JsonNode anAnswerTo(JsonNode question) throws Exception {
        String body = switch (question.path("type").asText()) {
            case "single" -> "{\"choice\": \"" + question.path("choices").get(0).path("id").asText() + "\"}";
            case "multiple" -> "{\"choices\": [\"" + question.path("choices").get(0).path("id").asText() + "\"]}";
            case "truefalse" -> "{\"value\": true}";
            case "numeric" -> "{\"value\": 1}";
            default -> "{\"text\": \"something\"}";
        };
        return Http.JSON.readTree(body);
    }

    @Test
    void everyAnswerAcknowledgedBeforeAKillIsThereAfterTheRestart() throws Exception {
        int port = FreePort.find();
        String attempt;
        Map<String, JsonNode> acknowledged = new LinkedHashMap<>();
        try (LauncherProcess launcher = LauncherProcess.start(home, port)) {
            String url = launcher.awaitUrl();
            new Http(url).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("acme/cloud-basics"), Duration.ofSeconds(30));
            Http learner = Http.newPerson(Http.admin(url), "kim@learner.test", "Kim", PASSWORD);
            HttpResponse<String> started = learner.send("POST", "/api/v1/quizzes/acme/cloud-basics-check/attempts", null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            JsonNode shown = Http.JSON.readTree(started.body());
            attempt = shown.path("attempt").asText();
            for (JsonNode question : shown.path("questions")) {
                JsonNode answer = anAnswerTo(question);
                HttpResponse<String> saved = learner.send("PUT", "/api/v1/attempts/" + attempt + "/answers/" + question.path("id").asText(),
                        answer);
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
                acknowledged.put(question.path("id").asText(), answer);
            }
            launcher.kill();
        }
        assertThat(acknowledged).hasSize(5);

        try (LauncherProcess again = LauncherProcess.start(home, port)) {
            String url = again.awaitUrl();
            new Http(url).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("acme/cloud-basics"), Duration.ofSeconds(30));
            Http learner = new Http(url);
            learner.logIn("kim@learner.test", PASSWORD);
            JsonNode back = learner.json("/api/v1/attempts/" + attempt);
            assertThat(back.path("state").asText()).isEqualTo("open");
            for (Map.Entry<String, JsonNode> answer : acknowledged.entrySet()) {
                assertThat(back.path("answers").path(answer.getKey())).as(answer.getKey()).isEqualTo(answer.getValue());
            }
            HttpResponse<String> submitted = learner.send("POST", "/api/v1/attempts/" + attempt + "/submission", null);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            again.terminate();
        }
    }
}
