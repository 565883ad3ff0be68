package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees in a real headless Chromium: the catalog, a course, its lessons,
 * search, the language switch, and a phone-sized screen.
 */
class BrowserIT {

    @TempDir
    static Path home;
    @TempDir
    static Path profile;

    private static Host host;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:browserit", true));
        new Http(host.url()).awaitJson("/api/v1/courses", c -> c.path("items").size() >= 5, Duration.ofSeconds(20));
        browser = chromium(profile);
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
    }

    static WebDriver chromium(Path profile) {
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,900");
        return new ChromeDriver(service, options);
    }

    private String url(String path) {
        return host.url().replaceAll("/$", "") + path;
    }

    @Test
    void learnerBrowsesFromCatalogToCourseToLessons() {
        browser.get(url("/"));
        assertThat(browser.getTitle()).contains("Course catalog");
        List<WebElement> cards = browser.findElements(By.cssSelector("ul.cards article.card"));
        assertThat(cards).hasSizeGreaterThanOrEqualTo(5);

        WebElement first = cards.get(0).findElement(By.cssSelector("h2 a"));
        String courseTitle = first.getText();
        first.click();
        wait.until(ExpectedConditions.titleContains(courseTitle));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(courseTitle);
        List<WebElement> lessons = browser.findElements(By.cssSelector("ol.lessons a"));
        assertThat(lessons).isNotEmpty();
        String firstLessonTitle = lessons.get(0).findElement(By.cssSelector(".title")).getText();

        browser.findElement(By.linkText("Start the course")).click();
        wait.until(ExpectedConditions.titleContains(firstLessonTitle));
        assertThat(browser.findElement(By.id("lesson-title")).getText()).isEqualTo(firstLessonTitle);
        assertThat(browser.findElement(By.cssSelector(".progress-note")).getText()).startsWith("Lesson 1 of " + lessons.size());
        assertThat(browser.findElement(By.cssSelector("article.lesson .body")).getText()).hasSizeGreaterThan(200);
        assertThat(browser.findElement(By.cssSelector("nav.crumbs")).getText()).contains("Catalog", courseTitle);

        if (lessons.size() > 1) {
            browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".progress-note a"), courseTitle));
            assertThat(browser.findElement(By.cssSelector(".progress-note")).getText()).startsWith("Lesson 2 of");
        }
    }

    @Test
    void everyImageInEveryExampleLessonLoads() throws Exception {
        Http http = new Http(host.url());
        int images = 0;
        for (String id : Http.courseIds(http.json("/api/v1/courses"))) {
            for (var lesson : http.json("/api/v1/courses/" + id).path("lessons")) {
                browser.get(url("/courses/" + id + "/lessons/" + lesson.path("id").asText()));
                for (WebElement image : browser.findElements(By.cssSelector("article.lesson img"))) {
                    Long width = (Long) ((JavascriptExecutor) browser).executeScript(
                            "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
                    assertThat(width).as(image.getAttribute("src")).isPositive();
                    images++;
                }
            }
        }
        assertThat(images).as("the examples show at least one image").isPositive();
    }

    @Test
    void searchNarrowsTheCatalogAndSaysWhenNothingMatches() {
        browser.get(url("/"));
        int all = browser.findElements(By.cssSelector("ul.cards article.card")).size();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("zzzz-no-such-course");
        search.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".empty")));
        assertThat(browser.findElement(By.cssSelector(".empty")).getText()).contains("No course matches");

        browser.get(url("/?vendor=northwind"));
        List<WebElement> northwind = browser.findElements(By.cssSelector("ul.cards .vendor"));
        assertThat(northwind).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(v -> assertThat(v.getText()).isEqualToIgnoringCase("northwind"));
    }

    @Test
    void languageSwitchShowsTheTranslatedCourseAndIsRemembered() throws Exception {
        Http http = new Http(host.url());
        String translated = null;
        for (var course : http.json("/api/v1/courses?lang=de").path("items")) {
            translated = course.path("vendor").asText() + "/" + course.path("id").asText();
        }
        assertThat(translated).as("an example course has a German translation").isNotNull();

        browser.manage().deleteAllCookies();
        browser.get(url("/courses/" + translated));
        String english = browser.findElement(By.tagName("h1")).getText();
        browser.findElement(By.cssSelector("nav.languages a[lang=de]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
        String german = browser.findElement(By.tagName("h1")).getText();
        assertThat(german).isNotEqualTo(english);

        browser.get(url("/courses/" + translated));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("remembered").isEqualTo("de");
        browser.manage().deleteAllCookies();
    }

    @Test
    void pagesFitAPhoneScreen() {
        Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/"));
            assertThat(horizontalOverflow()).as("horizontal overflow on the catalog").isLessThanOrEqualTo(0L);
            browser.findElement(By.cssSelector("ul.cards h2 a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.lessons")));
            assertThat(horizontalOverflow()).as("horizontal overflow on a course page").isLessThanOrEqualTo(0L);
            browser.findElement(By.cssSelector("ol.lessons a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.lesson")));
            assertThat(horizontalOverflow()).as("horizontal overflow on a lesson page").isLessThanOrEqualTo(0L);
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private Long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    }

    @Test
    void unknownPageAnswers404WithAWayBack() {
        browser.get(url("/courses/nobody/nothing"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.linkText("Back to the catalog")).getAttribute("href")).endsWith("/");
    }
}
