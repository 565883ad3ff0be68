package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Accounts as a person uses them in a real headless Chromium, with the mails going through a
 * real SMTP server: signing up and confirming the address, logging out and in, and an
 * organisation's admin inviting a colleague who accepts.
 */
class AccountsBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path home;
    @TempDir
    static Path profile;

    private static GreenMail smtp;
    private static Host host;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve("roadshow.mail.cfg"), "host=127.0.0.1\nport=" + smtp.getSmtp().getPort() + "\n");
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:accountsbrowserit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        browser = BrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private String url(String path) {
        return host.url().replaceAll("/$", "") + path;
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static String header() {
        return browser.findElement(By.cssSelector("header.site")).getText();
    }

    @Test
    void aVisitorSignsUpConfirmsTheAddressLogsOutAndLogsInAgain() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        browser.findElement(By.linkText("Sign up")).click();
        wait.until(ExpectedConditions.titleContains("Create an account"));
        type("f-name", "Sasha Seller");
        type("f-email", "sasha@reseller.test");
        type("f-password", "short");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert")));
        assertThat(browser.findElement(By.cssSelector(".alert")).getText()).contains("at least 10 characters");
        assertThat(browser.findElement(By.id("f-email")).getAttribute("value")).as("what was typed stays").isEqualTo("sasha@reseller.test");

        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Check your inbox"));

        browser.get(link(awaitMail("sasha@reseller.test", "Confirm your e-mail address"), "/verify"));
        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Your address is confirmed"));
        assertThat(header()).contains("My account", "Log out").doesNotContain("Sign up");

        browser.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header.site"), "Log in"));
        browser.get(url("/account"));
        wait.until(ExpectedConditions.titleContains("Log in"));
        assertThat(browser.getCurrentUrl()).as("sent to log in first").contains("/login?next=%2Faccount");

        type("f-email", "sasha@reseller.test");
        type("f-password", "not-my-password");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert")));
        assertThat(browser.findElement(By.cssSelector(".alert")).getText()).contains("e-mail address or the password is wrong");

        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("My account"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("sasha@reseller.test");
    }

    @Test
    void anOrgAdminInvitesAColleagueWhoAcceptsAndAppearsAmongTheMembers() throws Exception {
        Http admin = Http.admin(host.url());
        assertThat(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "northside", "name", "Northside IT")).statusCode())
                .isEqualTo(201);
        var olga = Http.JSON.readTree(admin.send("POST", "/api/v1/users",
                IdentityIT.json("email", "olga@northside.test", "name", "Olga Owner", "password", PASSWORD, "org", "northside")).body());
        assertThat(admin.send("PUT", "/api/v1/users/" + olga.path("id").asText() + "/roles",
                Http.JSON.readTree("{\"roles\": [{\"role\": \"org-admin\", \"org\": \"northside\"}]}")).statusCode()).isEqualTo(200);

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type("f-email", "olga@northside.test");
        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("My organisation")));
        browser.findElement(By.linkText("My organisation")).click();
        wait.until(ExpectedConditions.titleContains("Northside IT"));
        type("f-email", "colin@colleague.test");
        browser.findElement(By.xpath("//button[normalize-space()='Send the invitation']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "colin@colleague.test"));

        String invitation = link(awaitMail("colin@colleague.test", "invites you to Northside IT"), "/invitations/accept");
        browser.manage().deleteAllCookies();
        browser.get(invitation);
        wait.until(ExpectedConditions.titleContains("Join Northside IT"));
        type("f-name", "Colin Colleague");
        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Welcome to Northside IT"));
        assertThat(header()).contains("My organisation", "Log out");

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type("f-email", "olga@northside.test");
        type("f-password", PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("My organisation")));
        browser.get(url("/orgs/northside"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Colin Colleague", "colin@colleague.test");
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : smtp.getReceivedMessagesForDomain(to)) {
                if (mail.getSubject().contains(subject)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + to + " about '" + subject + "'");
    }

    private static String link(MimeMessage mail, String path) {
        Matcher link = Pattern.compile("(http://\\S+" + Pattern.quote(path) + "\\?token=\\S+)")
                .matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a link to " + path).isTrue();
        return link.group(1);
    }
}
