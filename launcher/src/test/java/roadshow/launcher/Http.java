package roadshow.launcher;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTP client against a running Roadshow, with the waits its asynchrony needs. Each
 * client keeps its own cookies, so one logged in with {@link #logIn} is one browser session,
 * and sends the session's CSRF token with every state-changing request; one made with
 * {@link #bearer} sends an API token instead.
 */
final class Http {

    /** The platform admin the tests' hosts are started with. */
    static final String ADMIN_EMAIL = "admin@roadshow.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    static final ObjectMapper JSON = new ObjectMapper();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
    private final String base;
    private String csrfToken;
    private String bearer;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A new client logged in as the tests' platform admin, waiting for the identity bundle to be serving. */
    static Http admin(String base) throws IOException, InterruptedException {
        return admin(base, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new client logged in as {@code email}, waiting for the identity bundle to be serving. */
    static Http admin(String base, String email, String password) throws IOException, InterruptedException {
        Http http = new Http(base);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                http.logIn(email, password);
                return http;
            } catch (AssertionError | IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** A new client logged in as a person the platform admin {@code admin} registers for it. */
    static Http newPerson(Http admin, String email, String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> created = admin.send("POST", "/api/v1/users",
                JSON.createObjectNode().put("email", email).put("name", name).put("password", password));
        if (created.statusCode() != 201) {
            throw new AssertionError("Registering " + email + " answered " + created.statusCode() + ": " + created.body());
        }
        Http http = new Http(admin.base);
        http.logIn(email, password);
        return http;
    }

    /** Logs in through the API, keeping the session cookie and CSRF token; fails unless it answers 200. */
    JsonNode logIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/session", JSON.createObjectNode().put("email", email).put("password", password));
        if (response.statusCode() != 200) {
            throw new AssertionError("Log-in as " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        csrfToken = body.path("csrfToken").asText();
        return body;
    }

    /** A new client that sends {@code token} as its bearer token. */
    Http bearer(String token) {
        Http http = new Http(base);
        http.bearer = token;
        return http;
    }

    /** The value of a cookie this client holds (the one stored last, if several), or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .reduce((first, last) -> last).orElse(null);
    }

    /** Sets a cookie, as a browser that was given it elsewhere would send it. */
    void plantCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        // As the server's own would be stored, so that one the server sets replaces it.
        cookie.setDomain(URI.create(base).getHost());
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    String csrfToken() {
        return csrfToken;
    }

    void forgetCsrfToken() {
        csrfToken = null;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        return client.send(request(path).header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code body} (null: none) as JSON with the CSRF token, if this client has one. */
    HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            builder.header("X-CSRF-Token", csrfToken);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a URL-encoded form as a browser does: the token goes only in the fields given. */
    HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return form(path, List.copyOf(fields.entrySet()));
    }

    /** As {@link #form(String, Map)}, with a name given more than once (checkboxes). */
    HttpResponse<String> form(String path, List<Map.Entry<String, String>> fields) throws IOException, InterruptedException {
        String encoded = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
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
