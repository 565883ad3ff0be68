package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real Felix framework with the real platform bundles, in this JVM: content bundles
 * built on the fly are installed, upgraded, refused and removed through the framework,
 * and the catalog is read over real HTTP.
 */
class HostIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    @TempDir
    Path jars;

    private static Host host;
    private static Http http;
    /** For what only a platform admin sees, such as refused bundles. */
    private static Http admin;
    private final List<Bundle> installed = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:hostit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        http = new Http(host.url());
        admin = Http.admin(host.url());
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @AfterEach
    void uninstall() throws Exception {
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).isEmpty(), WAIT);
    }

    private Bundle install(ContentJar jar, String name) throws Exception {
        Path file = jar.writeTo(jars.resolve(name + ".jar"));
        BundleContext context = host.bundleContext();
        try (InputStream in = Files.newInputStream(file)) {
            Bundle bundle = context.installBundle("test:" + name, in);
            installed.add(bundle);
            return bundle;
        }
    }

    @Test
    void installedContentBundleAppearsInTheCatalogAndLeavesWithIt() throws Exception {
        Bundle bundle = install(ContentJar.course("com.test.alpha", "1.0.0", "alpha", "basics", "Alpha Basics",
                "welcome", "pricing"), "alpha");
        bundle.start();

        JsonNode catalog = http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("alpha/basics"), WAIT);
        JsonNode course = catalog.path("items").get(0);
        assertThat(course.path("title").asText()).isEqualTo("Alpha Basics");
        assertThat(course.path("version").asText()).isEqualTo("1.0.0");
        assertThat(http.json("/api/v1/courses/alpha/basics").path("lessons").findValuesAsText("id"))
                .containsExactly("welcome", "pricing");
        assertThat(http.get("/courses/alpha/basics/lessons/pricing").body()).contains("Text of pricing.");

        bundle.uninstall();
        http.awaitJson("/api/v1/courses", c -> !Http.courseIds(c).contains("alpha/basics"), WAIT);
        assertThat(http.get("/courses/alpha/basics").statusCode()).isEqualTo(404);
    }

    @Test
    void upgradeReplacesTheCourseInPlace() throws Exception {
        Bundle bundle = install(ContentJar.course("com.test.beta", "1.0.0", "beta", "intro", "Beta Intro", "one"), "beta");
        bundle.start();
        http.awaitJson("/api/v1/courses/beta/intro", c -> true, WAIT);
        assertThat(http.get("/courses/beta/intro").body()).contains("Beta Intro").doesNotContain("revised");
        assertThat(http.get("/").body()).contains("Beta Intro").doesNotContain("revised");

        Path upgrade = ContentJar.course("com.test.beta", "1.1.0", "beta", "intro", "Beta Intro, revised", "one", "two")
                .writeTo(jars.resolve("beta-1.1.0.jar"));
        try (InputStream in = Files.newInputStream(upgrade)) {
            bundle.update(in);
        }

        JsonNode course = http.awaitJson("/api/v1/courses/beta/intro", c -> c.path("version").asText().equals("1.1.0"), WAIT);
        assertThat(course.path("title").asText()).isEqualTo("Beta Intro, revised");
        assertThat(course.path("lessons").findValuesAsText("id")).containsExactly("one", "two");
        assertThat(bundle.getBundleId()).as("upgraded in place").isEqualTo(installed.get(0).getBundleId());
        // Pages kept for everyone follow the upgrade at once.
        assertThat(http.get("/courses/beta/intro").body()).contains("Beta Intro, revised", "Lesson two");
        assertThat(http.get("/").body()).contains("Beta Intro, revised");
        assertThat(http.get("/courses/beta/intro/lessons/two").statusCode()).isEqualTo(200);
    }

    @Test
    void refusedBundleLeavesTheCatalogAsItWasAndReportsEveryError() throws Exception {
        install(ContentJar.course("com.test.good", "1.0.0", "good", "fine", "Fine Course", "a"), "good").start();
        JsonNode before = http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("good/fine"), WAIT);

        ContentJar broken = ContentJar.course("com.test.broken", "1.0.0", "broken", "oops", "Oops", "a")
                .file("roadshow/courses/extra/course.yaml", "id: extra\ntitle: Extra: a colon needs quotes\nsummary: x\n");
        install(broken, "broken").start();

        JsonNode bundles = admin.awaitJson("/api/v1/bundles?state=refused",
                b -> b.path("items").size() == 1, WAIT);
        JsonNode refused = bundles.path("items").get(0);
        assertThat(refused.path("symbolicName").asText()).isEqualTo("com.test.broken");
        assertThat(refused.path("errors").get(0).path("file").asText()).isEqualTo("roadshow/courses/extra/course.yaml");
        assertThat(refused.path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(refused.path("errors").get(0).path("rule").asText()).isEqualTo("yaml.syntax");

        assertThat(Http.courseIds(http.json("/api/v1/courses"))).isEqualTo(Http.courseIds(before))
                .doesNotContain("broken/oops");
        assertThat(admin.get("/admin/bundles").body()).contains("com.test.broken", "roadshow/courses/extra/course.yaml");
    }

    @Test
    void unresolvedCrossVendorRequirementIsReportedUntilTheProviderArrives() throws Exception {
        Bundle dependent = install(ContentJar.course("com.test.dependent", "1.0.0", "dep", "advanced", "Advanced", "a")
                .header("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=prov/basics)\""), "dependent");

        JsonNode unresolved = admin.awaitJson("/api/v1/bundles?state=unresolved", b -> b.path("items").size() == 1, WAIT);
        assertThat(unresolved.path("items").get(0).path("errors").get(0).path("message").asText())
                .contains("prov/basics");
        assertThat(Http.courseIds(http.json("/api/v1/courses"))).doesNotContain("dep/advanced");

        install(ContentJar.course("com.test.provider", "1.0.0", "prov", "basics", "Basics", "a")
                .header("Provide-Capability", "roadshow.course;roadshow.course=\"prov/basics\";version:Version=\"1.0.0\""),
                "provider").start();
        dependent.start();

        http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).containsAll(List.of("dep/advanced", "prov/basics")), WAIT);
        assertThat(admin.json("/api/v1/bundles?state=unresolved").path("items").size()).isZero();
    }

    @Test
    void pagesCarryAnEntityTagThatABrowserRevalidatesWith() throws Exception {
        install(ContentJar.course("com.test.etag", "1.0.0", "etag", "tagged", "Tagged", "one"), "etag").start();
        http.awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("etag/tagged"), WAIT);
        for (String page : List.of("/", "/courses/etag/tagged", "/courses/etag/tagged/lessons/one")) {
            var first = http.get(page);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + page));
            var again = http.get(page, "If-None-Match", etag);
            assertThat(again.statusCode()).as(page).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(http.get(page, "If-None-Match", "\"stale\"").statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void catalogPageShowsALargeCatalogInPages() throws Exception {
        ContentJar many = ContentJar.bundle("com.test.many", "1.0.0", "many");
        for (int i = 1; i <= 30; i++) {
            String id = String.format("course-%02d", i);
            many.file("roadshow/courses/" + id + "/course.yaml", "id: " + id + "\ntitle: Course " + String.format("%02d", i)
                    + "\nlessons:\n  - {id: only, title: Only, file: lessons/only.md}\n");
            many.file("roadshow/courses/" + id + "/lessons/only.md", "Text.\n");
        }
        install(many, "many").start();
        http.awaitJson("/api/v1/courses", c -> c.path("items").size() == 30, WAIT);

        String first = http.get("/").body();
        assertThat(first).contains("30 courses", "Courses 1–24 of 30", "Course 01", "Course 24", "page=2")
                .doesNotContain("Course 25");
        String second = http.get("/?vendor=many&page=2").body();
        assertThat(second).contains("Courses 25–30 of 30", "Course 30", "vendor=many&amp;page=1").doesNotContain("Course 24");
    }

    @Test
    void bundleWithASchemaGetsItsMigrationsRunOnTheDatabase() throws Exception {
        Bundle owner = install(ContentJar.plain("com.test.schema", "1.0.0")
                .header("Roadshow-Schema", "db/migration")
                .file("db/migration/V1__create_note.sql", "CREATE TABLE test_note (id INT PRIMARY KEY, text VARCHAR(100));")
                .file("db/migration/V2__seed_note.sql", "INSERT INTO test_note VALUES (1, 'migrated');"), "schema");
        owner.start();

        BundleContext context = host.bundleContext();
        var references = context.getServiceReferences("roadshow.store.api.Schema", "(roadshow.schema=com.test.schema)");
        assertThat(references).as("a Schema service for the bundle").hasSize(1);
        assertThat(references[0].getBundle()).as("registered by the owning bundle").isEqualTo(owner);
        Object schema = context.getService(references[0]);
        try {
            // The Schema API lives in the framework, not on this class path: call it through its interface.
            Class<?> api = java.util.Arrays.stream(schema.getClass().getInterfaces())
                    .filter(i -> i.getName().equals("roadshow.store.api.Schema")).findFirst().orElseThrow();
            javax.sql.DataSource dataSource = (javax.sql.DataSource) api.getMethod("dataSource").invoke(schema);
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT text FROM test_note WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("migrated");
            }
        } finally {
            context.ungetService(references[0]);
        }

        owner.stop();
        assertThat(context.getServiceReferences("roadshow.store.api.Schema", "(roadshow.schema=com.test.schema)"))
                .as("the schema service leaves with its bundle").isNull();
    }

    @Test
    void theSevenBuiltInQuestionTypesAreRegisteredForTheQuizEngine() throws Exception {
        var references = host.bundleContext().getServiceReferences("roadshow.quiz.api.QuestionType", null);
        assertThat(references).isNotNull();
        assertThat(java.util.Arrays.stream(references).map(r -> (String) r.getProperty("roadshow.question.type")))
                .containsExactlyInAnyOrder("single", "multiple", "truefalse", "numeric", "text", "ordering", "matching");
        assertThat(host.bundleContext().getServiceReference("roadshow.quiz.api.QuestionTypes")).isNotNull();
    }

    @Test
    void openApiDocumentDescribesTheEndpointsThatExist() throws Exception {
        JsonNode document = http.json("/api/openapi.json");
        assertThat(document.path("openapi").asText()).startsWith("3.");
        List<String> paths = new java.util.ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/courses", "/api/v1/courses/{vendor}/{course}", "/api/v1/bundles");
        for (String path : paths) {
            if (!document.path("paths").path(path).has("get")) {
                continue;
            }
            String concrete = path.replaceAll("\\{[a-z]+\\}", "nothing");
            var answer = http.get(concrete);
            // Every documented path is served: an unknown object is a documented 404 problem, an anonymous
            // caller a documented 401 problem, never an unmapped path.
            // JSON, or a JSON-based type such as problem+json, ld+json (an issuer profile), jwk-set+json
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(path).matches("application/([a-z-]+\\+)?json.*");
            assertThat(answer.statusCode()).as(path).isIn(200, 401, 404);
        }
    }
}
