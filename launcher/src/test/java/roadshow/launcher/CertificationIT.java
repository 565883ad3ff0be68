package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Certification on the real host: a learner meets a track through courses and an exam, is
 * certified at once, anyone verifies the certificate by its code, the organisation's tier
 * moves and its admin sees it, and an admin's revocation takes it all back.
 */
class CertificationIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path home;
    @TempDir
    static Path jars;

    private static Host host;
    private static Http admin;

    private static String course(String id, String title) {
        return "id: " + id + "\ntitle: " + title + "\nsummary: A course.\nlanguage: en\nduration: PT10M\nlevel: beginner\ntags: [testing]\n"
                + "lessons:\n  - {id: only, title: The only lesson, file: lessons/01-only.md}\n";
    }

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:certificationit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        admin = Http.admin(host.url());
        Path jar = ContentJar.bundle("com.test.certco", "1.0.0", "certco")
                .file("roadshow/courses/core/course.yaml", course("core", "Core Course"))
                .file("roadshow/courses/core/lessons/01-only.md", "# Core\n\nText.\n")
                .file("roadshow/courses/elective/course.yaml", course("elective", "Elective Course"))
                .file("roadshow/courses/elective/lessons/01-only.md", "# Elective\n\nText.\n")
                .file("roadshow/quizzes/exam.yaml", """
                        id: exam
                        title: Pro exam
                        passScore: 1.0
                        questions:
                          - id: q
                            type: truefalse
                            prompt: Is this the exam?
                            answer: true
                        """)
                .file("roadshow/tracks/pro.yaml", """
                        id: pro
                        title: Certco Pro
                        requires:
                          courses: [core]
                          electives: {choose: 1, from: [elective]}
                          exam: exam
                        validFor: P1Y
                        """)
                .file("roadshow/program.yaml", """
                        tiers:
                          - id: silver
                            title: Certco Silver
                            requires:
                              - {track: pro, people: 1}
                          - id: gold
                            title: Certco Gold
                            requires:
                              - {track: pro, people: 2}
                        """).writeTo(jars.resolve("certco.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            host.bundleContext().installBundle("test:certco", in).start();
        }
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("certco/core"), WAIT);
        // a second programme, of the same track, that counts the people of child organisations toward their parent
        Path branches = ContentJar.bundle("com.test.branchco", "1.0.0", "branchco")
                .file("roadshow/program.yaml", """
                        countChildOrganisations: true
                        tiers:
                          - id: network
                            title: Branch Network
                            requires:
                              - {track: certco/pro, people: 1}
                        """).writeTo(jars.resolve("branchco.jar"));
        try (InputStream in = Files.newInputStream(branches)) {
            host.bundleContext().installBundle("test:branchco", in).start();
        }
        created(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "holding", "name", "Holding plc")));
        created(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "partner", "name", "Partner Ltd", "parent", "holding")));
        created(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "rival", "name", "Rival Ltd")));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Http.JSON.readTree(response.body());
    }

    /** A person of an organisation, signed in, optionally its admin. */
    private static Http person(String email, String name, String org, boolean orgAdmin) throws Exception {
        JsonNode user = created(admin.send("POST", "/api/v1/users", IdentityIT.json("email", email, "name", name, "password", PASSWORD,
                "org", org)));
        if (orgAdmin) {
            assertThat(admin.send("PUT", "/api/v1/users/" + user.path("id").asText() + "/roles",
                    Http.JSON.readTree("{\"roles\": [{\"role\": \"org-admin\", \"org\": \"" + org + "\"}]}")).statusCode()).isEqualTo(200);
        }
        Http http = new Http(host.url());
        http.logIn(email, PASSWORD);
        return http;
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    private static JsonNode await(Http http, String path, Predicate<JsonNode> condition) throws Exception {
        return http.awaitJson(path, condition, WAIT);
    }

    private static void completeCourse(Http learner, String course) throws Exception {
        ok(learner.send("POST", "/api/v1/courses/certco/" + course + "/enrollment", null));
        ok(learner.send("PUT", "/api/v1/courses/certco/" + course + "/lessons/only/completion", null));
    }

    private static void passExam(Http learner) throws Exception {
        JsonNode attempt = created(learner.send("POST", "/api/v1/quizzes/certco/exam/attempts", null));
        String id = attempt.path("attempt").asText();
        assertThat(learner.send("PUT", "/api/v1/attempts/" + id + "/answers/q", Http.JSON.readTree("{\"value\": true}")).statusCode())
                .isEqualTo(204);
        assertThat(ok(learner.send("POST", "/api/v1/attempts/" + id + "/submission", null)).path("passed").asBoolean()).isTrue();
    }

    @Test
    void aLearnerIsCertifiedAnyoneVerifiesItTheTierMovesAndARevocationTakesItBack() throws Exception {
        Http pat = person("pat@partner.test", "Pat Partner", "partner", false);
        Http olga = person("olga@partner.test", "Olga Owner", "partner", true);
        Http rita = person("rita@rival.test", "Rita Rival", "rival", true);

        completeCourse(pat, "core");
        JsonNode tracks = ok(pat.get("/api/v1/me/tracks")).path("items");
        assertThat(tracks.get(0).path("requiredCourses").get(0).path("done").asBoolean()).isTrue();
        assertThat(tracks.get(0).path("exam").path("done").asBoolean()).isFalse();
        completeCourse(pat, "elective");
        assertThat(ok(pat.get("/api/v1/me/certifications")).path("items").size()).as("the exam is still to pass").isZero();

        Instant before = Instant.now();
        passExam(pat);
        JsonNode mine = await(pat, "/api/v1/me/certifications", c -> c.path("items").size() == 1).path("items").get(0);
        assertThat(mine.path("track").asText()).isEqualTo("certco/pro");
        assertThat(mine.path("status").asText()).isEqualTo("current");
        assertThat(Instant.parse(mine.path("expiresAt").asText())).isAfter(before.plus(Duration.ofDays(364)));
        String code = mine.path("code").asText();
        assertThat(mine.path("certificate").asText()).isEqualTo("/certificates/" + code);

        Http anyone = new Http(host.url());
        JsonNode verified = ok(anyone.get("/api/v1/certificates/" + code));
        assertThat(verified.path("holder").asText()).isEqualTo("Pat Partner");
        assertThat(verified.path("trackTitle").asText()).isEqualTo("Certco Pro");
        assertThat(verified.path("status").asText()).isEqualTo("current");
        assertThat(anyone.get("/api/v1/certificates/not-a-code").statusCode()).isEqualTo(404);
        HttpResponse<String> page = anyone.get("/certificates/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Valid", "Pat Partner", "Certco Pro").doesNotContain("pat@partner.test");
        assertThat(pat.get("/certifications").body()).contains("Certco Pro", "Certified");
        HttpResponse<String> pdf = anyone.get("/certificates/" + code + "/certificate.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        // the credential names, in its header, a key the platform publishes
        String jwt = anyone.get("/certificates/" + code + "/credential.jwt").body();
        assertThat(jwt.split("\\.")).hasSize(3);
        JsonNode header = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        JsonNode keys = ok(anyone.get("/.well-known/jwks.json")).path("keys");
        assertThat(keys.findValuesAsText("kid")).contains(header.path("kid").asText());
        JsonNode claims = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims.toString()).contains("OpenBadgeCredential", "Pat Partner", "Certco Pro");

        // the organisation's tier: silver now, one more Pro for gold, and the change recorded
        JsonNode standing = ok(olga.get("/api/v1/orgs/partner/tiers")).path("items").get(1);
        assertThat(standing.path("vendor").asText()).isEqualTo("certco");
        assertThat(standing.path("held").path("id").asText()).isEqualTo("silver");
        assertThat(standing.path("next").path("id").asText()).isEqualTo("gold");
        assertThat(standing.path("lapse").path("renewals").get(0).path("name").asText()).isEqualTo("Pat Partner");
        JsonNode history = await(olga, "/api/v1/orgs/partner/tiers/certco/history", h -> h.path("items").size() == 1).path("items");
        assertThat(history.get(0).path("to").asText()).isEqualTo("silver");
        assertThat(olga.get("/orgs/partner/tiers").body()).contains("Holds", "Certco Silver", "1 more Certco Pro");
        assertThat(olga.get("/orgs/partner/certifications").body()).contains("Pat Partner", "Current");
        HttpResponse<String> csv = olga.get("/api/v1/orgs/partner/certifications?format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("\"Pat Partner\",pat@partner.test,partner,current,");
        // the contract's members: people with their progress and certifications
        JsonNode members = ok(olga.get("/api/v1/orgs/partner/members")).path("items");
        JsonNode patMember = null;
        for (JsonNode member : members) {
            if (member.path("name").asText().equals("Pat Partner")) {
                patMember = member;
            }
        }
        assertThat(patMember).isNotNull();
        assertThat(patMember.path("certifications").get(0).path("track").asText()).isEqualTo("certco/pro");
        assertThat(patMember.path("progress").findValuesAsText("course")).contains("certco/core", "certco/elective");
        assertThat(pat.get("/api/v1/orgs/partner/tiers").statusCode()).as("a member who is not an admin").isEqualTo(403);
        assertThat(rita.get("/api/v1/orgs/partner/tiers").statusCode()).as("another organisation's admin").isEqualTo(404);
        assertThat(anyone.get("/api/v1/orgs/partner/tiers").statusCode()).isEqualTo(401);

        // the parent organisation: certco counts only its own people, branchco its branches' too
        JsonNode parent = ok(admin.get("/api/v1/orgs/holding/tiers")).path("items");
        assertThat(parent.size()).isEqualTo(2);
        for (JsonNode programme : parent) {
            if (programme.path("vendor").asText().equals("branchco")) {
                assertThat(programme.path("counted").asBoolean()).isTrue();
                assertThat(programme.path("held").path("id").asText()).isEqualTo("network");
            } else {
                assertThat(programme.path("held").isNull()).as("certco counts the holding's own people only").isTrue();
            }
        }

        // revoked by a platform admin: the verification says so and the tier goes
        assertThat(pat.send("POST", "/api/v1/certificates/" + code + "/revocation", IdentityIT.json("reason", "mine")).statusCode())
                .isEqualTo(403);
        JsonNode revoked = ok(admin.send("POST", "/api/v1/certificates/" + code + "/revocation",
                IdentityIT.json("reason", "Exam answers shared")));
        assertThat(revoked.path("status").asText()).isEqualTo("revoked");
        assertThat(ok(anyone.get("/api/v1/certificates/" + code)).path("status").asText()).isEqualTo("revoked");
        assertThat(anyone.get("/certificates/" + code).body()).contains("Revoked", "Exam answers shared");
        assertThat(anyone.get("/certificates/" + code + "/credential.jwt").statusCode()).as("no credential for a revoked one")
                .isEqualTo(410);
        assertThat(ok(olga.get("/api/v1/orgs/partner/tiers")).path("items").get(1).path("held").isNull()).isTrue();
        JsonNode after = ok(olga.get("/api/v1/orgs/partner/tiers/certco/history")).path("items");
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.get(0).path("from").asText()).isEqualTo("silver");
        assertThat(after.get(0).path("to").isNull()).isTrue();
        assertThat(after.get(0).path("reason").asText()).contains("Certco Silver needs 1 people");
    }
}
