package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * People, organisations, roles, sessions and tokens on the real host over real HTTP, with
 * mail going through a real SMTP server (GreenMail): who may do what to whom, CSRF, session
 * fixation, throttling, and the links sent by e-mail.
 */
class IdentityIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path home;

    private static GreenMail smtp;
    private static Host host;
    private static String url;
    private static Http admin;
    private static final Map<String, Http> callers = new LinkedHashMap<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("roadshow.mail.cfg"), "host=127.0.0.1\nport=" + smtp.getSmtp().getPort() + "\n");
        // Few failures and a short block, so that a test sees throttling start and lift; the address limit high,
        // since every test caller comes from 127.0.0.1.
        Files.writeString(conf.resolve("roadshow.identity.cfg"),
                "throttle.account.failures=3\nthrottle.block.seconds=3\nthrottle.address.failures=1000\nmail.repeat.seconds=0\n");
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:identityit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        url = host.url();
        admin = Http.admin(url);

        created(admin.send("POST", "/api/v1/orgs", json("id", "acme", "name", "Acme Resellers").set("domains",
                Http.JSON.createArrayNode().add("acme.test"))));
        created(admin.send("POST", "/api/v1/orgs", json("id", "acme-east", "name", "Acme East", "parent", "acme")));
        created(admin.send("POST", "/api/v1/orgs", json("id", "globex", "name", "Globex Partners")));
        created(admin.send("POST", "/api/v1/vendors", json("id", "vendor-one", "name", "Vendor One")));
        created(admin.send("POST", "/api/v1/vendors", json("id", "vendor-two", "name", "Vendor Two")));
        person("orgAdmin", "olga@acme.test", "acme", "{\"role\": \"org-admin\", \"org\": \"acme\"}");
        person("learner", "lena@acme.test", "acme-east", null);
        person("otherOrgAdmin", "gus@globex.test", "globex", "{\"role\": \"org-admin\", \"org\": \"globex\"}");
        person("author", "ava@vendor-one.test", null, "{\"role\": \"vendor-author\", \"vendor\": \"vendor-one\"}");
        callers.put("anonymous", new Http(url));
        callers.put("admin", admin);
        callers.put("orgToken", new Http(url).bearer(created(admin.send("POST", "/api/v1/tokens",
                json("name", "Acme CRM", "org", "acme"))).path("token").asText()));
        callers.put("vendorToken", new Http(url).bearer(created(admin.send("POST", "/api/v1/tokens",
                json("name", "Vendor One CI", "vendor", "vendor-one"))).path("token").asText()));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static void person(String caller, String email, String org, String role) throws Exception {
        ObjectNode body = json("email", email, "name", caller, "password", PASSWORD);
        if (org != null) {
            body.put("org", org);
        }
        JsonNode person = created(admin.send("POST", "/api/v1/users", body));
        ids.put(caller, person.path("id").asText());
        if (role != null) {
            HttpResponse<String> set = admin.send("PUT", "/api/v1/users/" + person.path("id").asText() + "/roles",
                    Http.JSON.readTree("{\"roles\": [" + role + "]}"));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        }
        Http http = new Http(url);
        http.logIn(email, PASSWORD);
        callers.put(caller, http);
    }

    static ObjectNode json(String... pairs) {
        ObjectNode node = Http.JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.JSON.readTree(response.body());
    }

    /** One row of the table: a request, and the status each caller must get (callers not named are not tried). */
    private record Row(String method, String path, String body, Map<String, Integer> expected) {
    }

    private static Row row(String method, String path, String body, Object... callerStatus) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < callerStatus.length; i += 2) {
            expected.put((String) callerStatus[i], (Integer) callerStatus[i + 1]);
        }
        return new Row(method, path, body, expected);
    }

    @Test
    void everyEndpointAndPageAnswersEachRoleAsItShould() throws Exception {
        String learner = ids.get("learner");
        List<Row> table = List.of(
                row("GET", "/api/v1/session", null, "anonymous", 401, "learner", 200, "orgToken", 200),
                row("GET", "/api/v1/users", null, "anonymous", 401, "learner", 403, "orgAdmin", 200, "otherOrgAdmin", 200,
                        "author", 403, "admin", 200, "orgToken", 200, "vendorToken", 403),
                row("GET", "/api/v1/users?org=acme-east", null, "orgAdmin", 200, "otherOrgAdmin", 404, "admin", 200, "orgToken", 200),
                row("GET", "/api/v1/users/" + learner, null, "anonymous", 401, "learner", 200, "orgAdmin", 200, "otherOrgAdmin", 404,
                        "author", 404, "admin", 200, "orgToken", 200, "vendorToken", 404),
                row("GET", "/api/v1/users/no-such-person", null, "anonymous", 401, "orgAdmin", 404, "admin", 404),
                row("GET", "/api/v1/orgs/acme/members", null, "anonymous", 401, "learner", 404, "orgAdmin", 200, "otherOrgAdmin", 404,
                        "author", 404, "admin", 200, "orgToken", 200, "vendorToken", 404),
                row("GET", "/api/v1/orgs/acme-east/members", null, "learner", 403, "orgAdmin", 200, "otherOrgAdmin", 404),
                row("GET", "/api/v1/orgs/acme-east", null, "learner", 200, "orgAdmin", 200, "otherOrgAdmin", 404),
                row("POST", "/api/v1/orgs", "{\"id\": \"org-%s\", \"name\": \"New\"}", "anonymous", 401, "learner", 403, "orgAdmin", 403,
                        "author", 403, "admin", 201, "orgToken", 403, "vendorToken", 403),
                row("POST", "/api/v1/vendors", "{\"id\": \"vendor-%s\", \"name\": \"New\"}", "anonymous", 401, "learner", 403,
                        "orgAdmin", 403, "author", 403, "admin", 201, "orgToken", 403, "vendorToken", 403),
                row("GET", "/api/v1/vendors", null, "anonymous", 401, "learner", 200, "author", 200),
                row("POST", "/api/v1/tokens", "{\"name\": \"t-%s\", \"org\": \"acme\"}", "anonymous", 401, "learner", 403,
                        "orgAdmin", 403, "author", 403, "admin", 201, "orgToken", 403, "vendorToken", 403),
                row("GET", "/api/v1/tokens", null, "anonymous", 401, "learner", 403, "orgAdmin", 403, "admin", 200, "orgToken", 403),
                row("PUT", "/api/v1/users/" + learner + "/roles", "{\"roles\": [{\"role\": \"org-admin\", \"org\": \"acme-east\"}]}",
                        "anonymous", 401, "learner", 403, "otherOrgAdmin", 404, "author", 404, "vendorToken", 404, "orgAdmin", 200,
                        "orgToken", 200, "admin", 200),
                row("PUT", "/api/v1/users/" + learner + "/roles", "{\"roles\": [{\"role\": \"admin\"}]}", "orgAdmin", 403, "orgToken", 403),
                row("PUT", "/api/v1/users/" + learner + "/roles", "{\"roles\": []}", "orgAdmin", 200),
                row("POST", "/api/v1/users", "{\"email\": \"new-%s@acme.test\", \"name\": \"New\", \"password\": \"" + PASSWORD
                        + "\", \"org\": \"acme-east\"}", "learner", 403, "otherOrgAdmin", 404, "author", 403, "orgAdmin", 201,
                        "orgToken", 201, "admin", 201),
                row("POST", "/api/v1/orgs/acme/invitations", "{\"email\": \"invited-%s@example.test\"}", "anonymous", 401,
                        "learner", 404, "otherOrgAdmin", 404, "author", 404, "orgAdmin", 201, "admin", 201),
                row("POST", "/api/v1/orgs/acme/claims", null, "anonymous", 401, "learner", 404, "otherOrgAdmin", 404, "orgAdmin", 200),
                row("PUT", "/api/v1/orgs/acme/domains", "{\"domains\": [\"acme.test\"]}", "anonymous", 401, "orgAdmin", 403,
                        "otherOrgAdmin", 404, "admin", 200),
                row("GET", "/api/v1/bundles", null, "anonymous", 401, "learner", 403, "orgAdmin", 403, "author", 200, "admin", 200,
                        "vendorToken", 200, "orgToken", 403),
                row("GET", "/api/v1/audit", null, "anonymous", 401, "learner", 403, "orgAdmin", 403, "author", 403, "admin", 200),
                row("GET", "/account", null, "anonymous", 302, "learner", 200, "admin", 200),
                row("GET", "/admin/bundles", null, "anonymous", 302, "learner", 403, "orgAdmin", 403, "author", 200, "admin", 200),
                row("GET", "/admin/audit", null, "anonymous", 302, "learner", 403, "orgAdmin", 403, "admin", 200),
                row("GET", "/admin", null, "anonymous", 302, "learner", 403, "orgAdmin", 403, "author", 403, "admin", 200),
                row("GET", "/admin/people", null, "anonymous", 302, "learner", 403, "orgAdmin", 403, "admin", 200),
                row("GET", "/admin/people/" + learner, null, "anonymous", 302, "learner", 403, "orgAdmin", 200, "otherOrgAdmin", 404,
                        "author", 404, "admin", 200),
                row("GET", "/admin/orgs", null, "anonymous", 302, "learner", 403, "orgAdmin", 403, "admin", 200),
                row("GET", "/admin/vendors", null, "anonymous", 302, "orgAdmin", 403, "author", 403, "admin", 200),
                row("GET", "/admin/tokens", null, "anonymous", 302, "orgAdmin", 403, "admin", 200),
                row("GET", "/orgs/acme", null, "anonymous", 302, "learner", 404, "orgAdmin", 200, "otherOrgAdmin", 404, "author", 404,
                        "admin", 200),
                row("GET", "/orgs/acme-east", null, "learner", 200, "orgAdmin", 200, "otherOrgAdmin", 404));
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Row row : table) {
            for (Map.Entry<String, Integer> expected : row.expected().entrySet()) {
                Http caller = callers.get(expected.getKey());
                String body = row.body() == null ? null : row.body().replace("%s", expected.getKey().toLowerCase() + "-" + n++);
                HttpResponse<String> response = row.method().equals("GET") ? caller.get(row.path())
                        : caller.send(row.method(), row.path(), body == null ? null : Http.JSON.readTree(body));
                if (response.statusCode() != expected.getValue()) {
                    wrong.add(row.method() + " " + row.path() + " as " + expected.getKey() + ": " + response.statusCode() + ", expected "
                            + expected.getValue() + " (" + response.body().lines().findFirst().orElse("") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aStateChangingRequestWithTheSessionCookieButWithoutItsCsrfTokenIsRefused() throws Exception {
        Http orgAdmin = new Http(url);
        orgAdmin.logIn("olga@acme.test", PASSWORD);
        String token = orgAdmin.csrfToken();
        orgAdmin.forgetCsrfToken();
        HttpResponse<String> forged = orgAdmin.send("POST", "/api/v1/orgs/acme/invitations", json("email", "forged@example.test"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token").doesNotContain("forged@example.test");
        assertThat(orgAdmin.form("/account", Map.of("name", "Renamed by a forged form")).statusCode()).isEqualTo(403);
        assertThat(orgAdmin.form("/account", Map.of("name", "Renamed by a forged form", "_csrf", "not-the-token")).statusCode())
                .isEqualTo(403);
        assertThat(orgAdmin.form("/account", Map.of("name", "Olga", "_csrf", token)).statusCode()).isEqualTo(200);
        assertThat(orgAdmin.get("/api/v1/session").body()).contains("\"name\":\"Olga\"");
    }

    @Test
    void logInGivesANewSessionIdAndEndsTheOneTheBrowserCameWith() throws Exception {
        Http browser = new Http(url);
        browser.logIn("lena@acme.test", PASSWORD);
        String first = browser.cookie("roadshow-session");
        assertThat(first).isNotBlank();

        Http planted = new Http(url);
        planted.plantCookie("roadshow-session", first);
        assertThat(planted.get("/api/v1/session").statusCode()).as("the cookie opens the session").isEqualTo(200);
        planted.logIn("lena@acme.test", PASSWORD);
        String second = planted.cookie("roadshow-session");
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(browser.get("/api/v1/session").statusCode()).as("the session that was there before log-in has ended").isEqualTo(401);

        assertThat(planted.send("DELETE", "/api/v1/session", null).statusCode()).isEqualTo(204);
        Http replay = new Http(url);
        replay.plantCookie("roadshow-session", second);
        assertThat(replay.get("/api/v1/session").statusCode()).as("a logged-out session stays ended").isEqualTo(401);
    }

    @Test
    void repeatedFailedLogInsAreThrottledAndTheBlockLifts() throws Exception {
        Http http = new Http(url);
        created(admin.send("POST", "/api/v1/users", json("email", "throttled@example.test", "name", "T", "password", PASSWORD)));
        ObjectNode wrong = json("email", "throttled@example.test", "password", "not-the-password");
        assertThat(http.send("POST", "/api/v1/session", wrong).statusCode()).isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/session", wrong).statusCode()).isEqualTo(401);
        HttpResponse<String> third = http.send("POST", "/api/v1/session", wrong);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(third.body()).contains("Too many failed log-ins");
        ObjectNode right = json("email", "throttled@example.test", "password", PASSWORD);
        assertThat(http.send("POST", "/api/v1/session", right).statusCode()).as("blocked even with the right password").isEqualTo(429);
        // An address without an account is throttled the same way: throttling tells nobody who has an account.
        ObjectNode nobody = json("email", "nobody@example.test", "password", "whatever-it-is");
        for (int i = 0; i < 2; i++) {
            assertThat(http.send("POST", "/api/v1/session", nobody).statusCode()).isEqualTo(401);
        }
        assertThat(http.send("POST", "/api/v1/session", nobody).statusCode()).isEqualTo(429);

        Thread.sleep(3_200);
        assertThat(http.send("POST", "/api/v1/session", right).statusCode()).as("the block has lifted").isEqualTo(200);
    }

    @Test
    void aPasswordResetLinkWorksOnceAndNotWhenExpired() throws Exception {
        String email = "reset@example.test";
        created(admin.send("POST", "/api/v1/users", json("email", email, "name", "Rita", "password", PASSWORD)));
        Http browser = new Http(url);
        Http other = new Http(url);
        other.logIn(email, PASSWORD);

        String link = requestResetLink(browser, email);
        assertThat(link).startsWith(url.replaceAll("/$", "") + "/password/reset?token=");
        String path = link.substring(url.replaceAll("/$", "").length());
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body()).results().findFirst().orElseThrow().group(1);
        HttpResponse<String> reset = browser.form("/password/reset", Map.of("_csrf", csrfField(page.body()), "token", token,
                "password", "a-brand-new-password", "confirmation", "a-brand-new-password"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("Your password is changed");
        assertThat(other.get("/api/v1/session").statusCode()).as("other sessions end with a reset").isEqualTo(401);
        new Http(url).logIn(email, "a-brand-new-password");

        HttpResponse<String> reused = browser.form("/password/reset", Map.of("_csrf", browser.get("/api/v1/session").statusCode() == 200
                ? sessionCsrf(browser) : "", "token", token, "password", "yet-another-password", "confirmation", "yet-another-password"));
        assertThat(reused.statusCode()).as("a used link").isEqualTo(410);
        assertThat(browser.get(path).statusCode()).isEqualTo(410);

        // Links that expire at once: the link in the mail no longer works when it arrives.
        Path conf = home.resolve("conf").resolve("roadshow.identity.cfg");
        String before = Files.readString(conf);
        Files.writeString(conf, before + "link.minutes=0\n");
        try {
            Thread.sleep(1_500);
            String expired = requestResetLink(new Http(url), email);
            assertThat(new Http(url).get(expired.substring(url.replaceAll("/$", "").length())).statusCode()).isEqualTo(410);
        } finally {
            Files.writeString(conf, before);
            Thread.sleep(1_500);
        }
    }

    @Test
    void selfSignUpWaitsForTheAddressAndThenJoinsTheOrganisationClaimingItsDomain() throws Exception {
        Http visitor = new Http(url);
        JsonNode person = created(visitor.send("POST", "/api/v1/users", json("email", "sam@acme.test", "name", "Sam", "password", PASSWORD)));
        assertThat(person.path("org").isNull()).isTrue();
        assertThat(visitor.send("POST", "/api/v1/users", json("email", "SAM@acme.test", "name", "Sam", "password", PASSWORD)).statusCode())
                .as("the address is taken, whatever its case").isEqualTo(409);
        assertThat(visitor.send("POST", "/api/v1/session", json("email", "sam@acme.test", "password", PASSWORD)).statusCode())
                .as("not before the address is verified").isEqualTo(403);

        String link = linkIn(awaitMail("sam@acme.test", "Confirm your e-mail address"), "/verify");
        String path = link.substring(url.replaceAll("/$", "").length());
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String token = path.substring(path.indexOf("token=") + 6).replace("%3D", "=");
        assertThat(visitor.form("/verify", Map.of("_csrf", csrfField(page.body()), "token", token, "password", "not-what-sam-chose"))
                .statusCode()).as("the link alone confirms nothing").isEqualTo(403);
        HttpResponse<String> confirmed = visitor.form("/verify", Map.of("_csrf", csrfField(page.body()), "token", token,
                "password", PASSWORD));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode session = Http.JSON.readTree(visitor.get("/api/v1/session").body());
        assertThat(session.path("user").path("org").asText()).as("joined by domain").isEqualTo("acme");
    }

    @Test
    void anOrgAdminInvitesAColleagueWhoAcceptsByTheMailedLink() throws Exception {
        Http orgAdmin = callers.get("orgAdmin");
        created(orgAdmin.send("POST", "/api/v1/orgs/acme-east/invitations", json("email", "ivy@elsewhere.test")));
        String link = linkIn(awaitMail("ivy@elsewhere.test", "invites you to Acme East"), "/invitations/accept");
        Http invited = new Http(url);
        String path = link.substring(url.replaceAll("/$", "").length());
        HttpResponse<String> page = invited.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Join Acme East");
        String token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body()).results().findFirst().orElseThrow().group(1);
        HttpResponse<String> accepted = invited.form("/invitations/accept", Map.of("_csrf", csrfField(page.body()), "token", token,
                "name", "Ivy", "password", PASSWORD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(invited.get("/api/v1/session").body()).path("user").path("org").asText()).isEqualTo("acme-east");
        assertThat(orgAdmin.get("/api/v1/orgs/acme/members").body()).contains("ivy@elsewhere.test");
        assertThat(new Http(url).get(path).statusCode()).as("an accepted invitation is used up").isEqualTo(410);
    }

    @Test
    void anInvitationToAnAddressSomeoneElseRegisteredLetsTheOwnerChooseTheirOwnPassword() throws Exception {
        Http stranger = new Http(url);
        created(stranger.send("POST", "/api/v1/users", json("email", "victim@elsewhere.test", "name", "Not the victim",
                "password", "the-strangers-password")));
        created(callers.get("orgAdmin").send("POST", "/api/v1/orgs/acme/invitations", json("email", "victim@elsewhere.test")));
        String link = linkIn(awaitMail("victim@elsewhere.test", "invites you to Acme Resellers"), "/invitations/accept");
        Http victim = new Http(url);
        HttpResponse<String> page = victim.get(link.substring(url.replaceAll("/$", "").length()));
        assertThat(page.body()).contains("never confirmed");
        String token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body()).results().findFirst().orElseThrow().group(1);
        assertThat(victim.form("/invitations/accept", Map.of("_csrf", csrfField(page.body()), "token", token, "name", "Vic Tim",
                "password", "the-victims-own-password")).statusCode()).isEqualTo(200);
        assertThat(stranger.send("POST", "/api/v1/session", json("email", "victim@elsewhere.test", "password", "the-strangers-password"))
                .statusCode()).as("the stranger's password is gone").isEqualTo(401);
        new Http(url).logIn("victim@elsewhere.test", "the-victims-own-password");
    }

    @Test
    void anInvitationToAConfirmedAccountNeedsItsPassword() throws Exception {
        created(admin.send("POST", "/api/v1/users", json("email", "moving@elsewhere.test", "name", "Mo", "password", PASSWORD)));
        created(callers.get("orgAdmin").send("POST", "/api/v1/orgs/acme/invitations", json("email", "moving@elsewhere.test")));
        String link = linkIn(awaitMail("moving@elsewhere.test", "invites you to Acme Resellers"), "/invitations/accept");
        Http browser = new Http(url);
        HttpResponse<String> page = browser.get(link.substring(url.replaceAll("/$", "").length()));
        String token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body()).results().findFirst().orElseThrow().group(1);
        assertThat(browser.form("/invitations/accept", Map.of("_csrf", csrfField(page.body()), "token", token, "password", "a-guess-at-it"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.form("/invitations/accept", Map.of("_csrf", csrfField(page.body()), "token", token, "password", PASSWORD))
                .statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(browser.get("/api/v1/session").body()).path("user").path("org").asText()).isEqualTo("acme");
    }

    @Test
    void anOrgAdminCannotRegisterAnAddressAtAnotherOrganisationsDomainNorVouchForOne() throws Exception {
        HttpResponse<String> claimed = callers.get("otherOrgAdmin").send("POST", "/api/v1/users", json("email", "cfo@acme.test",
                "name", "Not the CFO", "password", PASSWORD, "org", "globex"));
        assertThat(claimed.statusCode()).isEqualTo(403);
        JsonNode provisioned = created(callers.get("otherOrgAdmin").send("POST", "/api/v1/users", json("email", "new-hire@globex.test",
                "name", "New Hire", "password", PASSWORD, "org", "globex")));
        assertThat(provisioned.path("emailVerified").asBoolean()).as("the mailbox owner confirms it").isFalse();
        assertThat(new Http(url).send("POST", "/api/v1/session", json("email", "new-hire@globex.test", "password", PASSWORD))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void logInNeverRedirectsToAnotherSite() throws Exception {
        for (String next : List.of("//evil.example/x", "/.//evil.example/x", "/x/..//evil.example", "/\\evil.example", "https://evil.example/")) {
            HttpResponse<String> page = new Http(url).get("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.body()).as(next).contains("name=\"next\" value=\"/\"");
        }
        Http browser = new Http(url);
        HttpResponse<String> form = browser.get("/login");
        HttpResponse<String> loggedIn = browser.form("/login", Map.of("_csrf", csrfField(form.body()), "email", "lena@acme.test",
                "password", PASSWORD, "next", "/.//evil.example/x"));
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/");
    }

    @Test
    void aVisitorsChangeWithoutTheTokenIsRefusedWhateverItsContentType() throws Exception {
        HttpResponse<String> bare = new Http(url).send("POST", "/login?email=lena@acme.test&password=" + PASSWORD, null);
        assertThat(bare.statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenOpensNothing() throws Exception {
        JsonNode issued = created(admin.send("POST", "/api/v1/tokens", json("name", "Short-lived", "org", "globex")));
        Http integration = new Http(url).bearer(issued.path("token").asText());
        assertThat(integration.get("/api/v1/orgs/globex/members").statusCode()).isEqualTo(200);
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + issued.path("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(integration.get("/api/v1/orgs/globex/members").statusCode()).isEqualTo(401);
        assertThat(new Http(url).bearer("rs_forged_token").get("/api/v1/orgs/globex/members").statusCode()).isEqualTo(401);
        JsonNode listed = Http.JSON.readTree(admin.get("/api/v1/tokens").body());
        assertThat(listed.toString()).doesNotContain(issued.path("token").asText());
    }

    @Test
    void theAuditLogRecordsLogInsRoleChangesAndTokenUseNewestFirst() throws Exception {
        callers.get("orgToken").get("/api/v1/orgs/acme/members");
        JsonNode roles = Http.JSON.readTree(admin.get("/api/v1/audit?action=role.set").body());
        assertThat(roles.path("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(roles.toString()).contains(ids.get("orgAdmin"));
        JsonNode tokenUse = Http.JSON.readTree(admin.get("/api/v1/audit?action=token.use").body());
        // At most one entry a minute per token: the newest may be another token's.
        assertThat(tokenUse.path("items").findValuesAsText("detail")).anyMatch(detail -> detail.startsWith("Token 'Acme CRM' called"));
        JsonNode sessions = Http.JSON.readTree(admin.get("/api/v1/audit?action=session.&limit=2").body());
        assertThat(sessions.path("items").size()).isEqualTo(2);
        assertThat(sessions.path("next").asText()).isNotEmpty();
        JsonNode older = Http.JSON.readTree(admin.get("/api/v1/audit?action=session.&limit=2&cursor=" + sessions.path("next").asText()).body());
        assertThat(older.path("items").get(0).path("id").asText()).isNotEqualTo(sessions.path("items").get(0).path("id").asText());
        assertThat(admin.get("/admin/audit?action=role.set").body()).contains("role.set");
    }

    @Test
    void aBodyLargerThanAnyEndpointTakesIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"email\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"password\": \"p\"}";
        HttpResponse<String> refused = new Http(url).send("POST", "/api/v1/session", Http.JSON.readTree(huge));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    private String requestResetLink(Http browser, String email) throws Exception {
        int before = smtp.getReceivedMessagesForDomain(email).length;
        HttpResponse<String> form = browser.get("/password/forgot");
        HttpResponse<String> sent = browser.form("/password/forgot", Map.of("_csrf", csrfField(form.body()), "email", email));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("If " + email + " has an account");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (smtp.getReceivedMessagesForDomain(email).length == before) {
            assertThat(System.nanoTime()).as("a reset mail arrives").isLessThan(deadline);
            Thread.sleep(50);
        }
        MimeMessage[] mails = smtp.getReceivedMessagesForDomain(email);
        return linkIn(mails[mails.length - 1], "/password/reset");
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : smtp.getReceivedMessagesForDomain(to)) {
                if (mail.getSubject().contains(subject)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + to + " about '" + subject + "' within " + WAIT);
    }

    private static String linkIn(MimeMessage mail, String path) {
        Matcher link = Pattern.compile("(http://\\S+" + Pattern.quote(path) + "\\?token=\\S+)").matcher(GreenMailUtil.getBody(mail)
                .replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a link to " + path).isTrue();
        return link.group(1);
    }

    private static String csrfField(String html) {
        return Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html).results().findFirst().orElseThrow().group(1);
    }

    private static String sessionCsrf(Http http) throws Exception {
        return Http.JSON.readTree(http.get("/api/v1/session").body()).path("csrfToken").asText();
    }
}
