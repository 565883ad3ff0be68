package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Certification in a real headless Chromium: a learner finishes a track (a course, then
 * its exam) and downloads the certificate, an anonymous visitor verifies it, and the
 * organisation's admin sees the tier move.
 */
class CertificationBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path home;
    @TempDir
    static Path jars;
    @TempDir
    static Path profile;

    private static Host host;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:certificationbrowserit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        Path jar = ContentJar.course("com.test.certco", "1.0.0", "certco", "core", "Core Course", "only")
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
                .file("roadshow/tracks/pro.yaml", "id: pro\ntitle: Certco Pro\nrequires:\n  courses: [core]\n  exam: exam\nvalidFor: P1Y\n")
                .file("roadshow/program.yaml", "tiers:\n  - id: silver\n    title: Certco Silver\n    requires:\n"
                        + "      - {track: pro, people: 1}\n")
                .writeTo(jars.resolve("certco.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            host.bundleContext().installBundle("test:certco", in).start();
        }
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("certco/core"), WAIT);
        Http admin = Http.admin(host.url());
        assertThat(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "partner", "name", "Partner Ltd")).statusCode()).isEqualTo(201);
        admin.send("POST", "/api/v1/users", IdentityIT.json("email", "pat@partner.test", "name", "Pat Partner", "password", PASSWORD,
                "org", "partner"));
        JsonNode olga = Http.JSON.readTree(admin.send("POST", "/api/v1/users", IdentityIT.json("email", "olga@partner.test", "name",
                "Olga Owner", "password", PASSWORD, "org", "partner")).body());
        assertThat(admin.send("PUT", "/api/v1/users/" + olga.path("id").asText() + "/roles",
                Http.JSON.readTree("{\"roles\": [{\"role\": \"org-admin\", \"org\": \"partner\"}]}")).statusCode()).isEqualTo(200);
        browser = BrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.stop();
        }
    }

    private static String url(String path) {
        return host.url().replaceAll("/$", "") + path;
    }

    private static String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private static void click(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//main//a[normalize-space()='" + text + "'] | //main//button[normalize-space()='"
                + text + "']"))).click();
    }

    private static void logIn(String email, String then) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?next=" + then));
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(then));
    }

    @Test
    void aLearnerFinishesATrackDownloadsTheCertificateAVisitorVerifiesItAndTheTierMoves() {
        logIn("olga@partner.test", "/orgs/partner/tiers");
        assertThat(main()).contains("Holds no tier yet", "1 more Certco Pro");

        logIn("pat@partner.test", "/learning/courses/certco/core");
        click("Enroll");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "You are enrolled"));
        click("Mark done");
        browser.get(url("/certifications"));
        assertThat(main()).contains("Certco Pro", "Core Course", "Pro exam", "to pass");
        click("Pro exam");
        click("Start the quiz");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-q")));
        browser.findElement(By.xpath("//fieldset[@id='q-q']//label[normalize-space()='True']/input")).click();
        click("Submit my answers");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Passed"));

        // certified as the exam is passed; the page may be a moment ahead of it
        wait.until(driver -> {
            driver.get(url("/certifications"));
            return main().contains("Certified");
        });
        click("Certificate");
        wait.until(ExpectedConditions.titleContains("Certificate verification"));
        assertThat(main()).contains("Valid", "Pat Partner", "Certco Pro");
        String verification = browser.getCurrentUrl();
        String pdf = browser.findElement(By.linkText("Download the PDF certificate")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,"
                        + " type: r.headers.get('content-type'), start: String.fromCharCode(...new Uint8Array(b.slice(0, 5)))})));",
                pdf);
        assertThat(download).containsEntry("status", 200L).containsEntry("start", "%PDF-");
        assertThat((String) download.get("type")).startsWith("application/pdf");

        // anyone with the address: no account needed
        browser.manage().deleteAllCookies();
        browser.get(verification);
        assertThat(main()).contains("Valid", "Pat Partner", "Certco Pro").doesNotContain("Revoke");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("Log in");

        logIn("olga@partner.test", "/orgs/partner/tiers");
        assertThat(main()).contains("Holds Certco Silver");
        browser.get(url("/orgs/partner/certifications"));
        List<String> rows = browser.findElements(By.cssSelector("table.matrix tbody tr")).stream().map(r -> r.getText()).toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("Pat Partner", "Current"));
    }
}
