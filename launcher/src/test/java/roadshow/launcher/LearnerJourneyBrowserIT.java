package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner's whole journey in a real headless Chromium: enroll, read two lessons, close
 * the browser, come back to the next lesson, take the quiz, fail, take it again, pass.
 */
class LearnerJourneyBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String COURSE = """
            id: road
            title: On the Road
            summary: Three short lessons and a quiz.
            language: en
            duration: PT30M
            level: beginner
            tags: [testing]
            quiz: road-check
            lessons:
              - {id: plan, title: Plan the route, file: lessons/01-plan.md}
              - {id: pack, title: Pack the van, file: lessons/02-pack.md}
              - {id: drive, title: Drive safely, file: lessons/03-drive.md}
            """;
    private static final String QUIZ = """
            id: road-check
            title: Road check
            passScore: 1.0
            timeLimit: PT10M
            maxAttempts: 3
            questions:
              - id: first
                type: single
                prompt: What do you do first?
                choices:
                  - {id: a, text: Plan the route, correct: true, feedback: Yes, the plan comes first.}
                  - {id: b, text: Start driving, feedback: Not before you know where to.}
              - id: hours
                type: numeric
                prompt: How many hours may you drive before a break?
                answer: 4.5
                tolerance: 0
            """;

    @TempDir
    static Path home;
    @TempDir
    static Path jars;
    @TempDir
    Path profile;

    private static Host host;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:journeyit", false, null, Http.ADMIN_EMAIL,
                Http.ADMIN_PASSWORD));
        Http.newPerson(Http.admin(host.url()), "lou@reseller.test", "Lou Learner", PASSWORD);
        Path jar = ContentJar.course("com.test.road", "1.0.0", "roadtrip", "road", "On the Road", "plan")
                .file("roadshow/courses/road/course.yaml", COURSE)
                .file("roadshow/courses/road/lessons/01-plan.md", "# Plan the route\n\nKnow where you go.\n")
                .file("roadshow/courses/road/lessons/02-pack.md", "# Pack the van\n\nHeavy things low.\n")
                .file("roadshow/courses/road/lessons/03-drive.md", "# Drive safely\n\nTake breaks.\n")
                .file("roadshow/quizzes/road-check.yaml", QUIZ).writeTo(jars.resolve("road.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            host.bundleContext().installBundle("test:road", in).start();
        }
        new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("roadtrip/road"), WAIT);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void openBrowser(Path profile) {
        browser = BrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, WAIT);
    }

    private String url(String path) {
        return host.url().replaceAll("/$", "") + path;
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void click(String xpath) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
    }

    private void button(String text) {
        click("//main//button[normalize-space()='" + text + "'] | //main//a[normalize-space()='" + text + "']");
    }

    private void logInFrom(String path) {
        browser.get(url(path));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("f-email")).sendKeys("lou@reseller.test");
        browser.findElement(By.id("f-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(path));
    }

    private void markDone(String lessonTitle) {
        // as a learner does it: from the lesson, to the course's list, and the lesson's button there
        click("//main//a[normalize-space()='Mark this lesson done']");
        wait.until(ExpectedConditions.titleContains("My progress"));
        click("//li[.//span[@class='title' and normalize-space()='" + lessonTitle + "']]//button[normalize-space()='Mark done']");
    }

    private WebElement question(String id) {
        return browser.findElement(By.id("q-" + id));
    }

    private void answer(String choice, String hours) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-first")));
        question("first").findElement(By.xpath(".//label[normalize-space()='" + choice + "']/input")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(question("first").findElement(By.className("save-state")), "Saved"));
        WebElement number = question("hours").findElement(By.tagName("input"));
        number.clear();
        number.sendKeys(hours);
    }

    @Test
    void aLearnerEnrollsReadsComesBackLaterFailsTheQuizAndPassesItTheSecondTime() {
        openBrowser(profile.resolve("first-sitting"));
        logInFrom("/learning/courses/roadtrip/road");
        button("Enroll");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "You are enrolled"));
        click("//main//a[normalize-space()='Plan the route']");
        wait.until(ExpectedConditions.titleContains("Plan the route"));
        markDone("Plan the route");
        wait.until(ExpectedConditions.titleContains("Pack the van"));
        assertThat(main()).as("on to the next lesson").contains("Heavy things low.");
        markDone("Pack the van");
        wait.until(ExpectedConditions.titleContains("Drive safely"));
        browser.quit();

        // another day, another browser: signed out, and back where they stopped
        openBrowser(profile.resolve("second-sitting"));
        logInFrom("/learning");
        assertThat(main()).contains("On the Road", "2 of 3 lessons done");
        button("Resume");
        wait.until(ExpectedConditions.titleContains("Drive safely"));
        assertThat(main()).contains("Take breaks.", "Lesson 3 of 3");
        markDone("Drive safely");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Every lesson is done"));

        button("Take the quiz");
        wait.until(ExpectedConditions.titleContains("Road check"));
        assertThat(main()).contains("2 questions", "Pass mark: 100%", "Time limit: 10 minutes", "3 attempts allowed");
        button("Start the quiz");
        answer("Start driving", "4");
        // an answer saved as it was given is there when the page comes back
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-first")));
        assertThat(question("first").findElement(By.xpath(".//label[normalize-space()='Start driving']/input")).isSelected()).isTrue();
        assertThat(browser.findElement(By.className("countdown")).getText()).matches("(?s)Time left: (10:00|9:\\d\\d).*");
        WebElement number = question("hours").findElement(By.tagName("input"));
        number.clear();
        number.sendKeys("4");
        button("Submit my answers");
        wait.until(ExpectedConditions.titleContains("result of attempt 1"));
        assertThat(main()).contains("Not passed", "0 of 2 points", "Your answer: Start driving", "Not before you know where to.",
                "Your answer: 4");

        button("Back to the quiz to try again");
        wait.until(ExpectedConditions.titleContains("Road check"));
        assertThat(main()).contains("Attempt 1", "Not passed", "2 attempts left");
        button("Start another attempt");
        answer("Plan the route", "4.5");
        button("Submit my answers");
        wait.until(ExpectedConditions.titleContains("result of attempt 2"));
        assertThat(main()).contains("Passed", "2 of 2 points", "Yes, the plan comes first.");

        browser.get(url("/learning"));
        assertThat(main()).contains("On the Road", "3 of 3 lessons done", "Completed on");
    }
}
