package roadshow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real HTTP client against a running Roadshow, with the waits its asynchrony needs. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls {@code path} as JSON until {@code condition} holds, failing after {@code timeout}. */
    JsonNode awaitJson(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(path);
                // Anything but 200 is "not yet": a course is briefly away while its bundle is upgraded.
                if (response.statusCode() == 200) {
                    last = JSON.readTree(response.body());
                    if (condition.test(last)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // not serving yet
            }
            Thread.sleep(25);
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + timeout + "; last: " + last);
    }

    /** The global ids ({@code vendor/id}) of the courses in a catalog answer. */
    static java.util.List<String> courseIds(JsonNode catalog) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        catalog.path("items").forEach(c -> ids.add(c.path("vendor").asText() + "/" + c.path("id").asText()));
        return ids;
    }
}
