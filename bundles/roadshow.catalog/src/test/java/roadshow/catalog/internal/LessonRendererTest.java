package roadshow.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LessonRendererTest {

    private static final LessonRenderer.Links COURSE_LINKS = new LessonRenderer.Links("/courses/acme/cloud", "",
            Map.of("lessons/01-welcome.md", "welcome", "lessons/02-pricing.md", "pricing"));

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
        String html = LessonRenderer.sanitize("<p onclick=\"steal()\">Hi<script>steal()</script>"
                + "<a href=\"javascript:steal()\">x</a><img src=\"x.png\" onerror=\"steal()\"></p>", COURSE_LINKS);
        assertThat(html).doesNotContain("script", "onclick", "onerror", "javascript", "steal");
        assertThat(html).contains("<p>Hi");
    }

    @Test
    void relativeImagesResolveAgainstTheCourseFolder() {
        assertThat(COURSE_LINKS.resolve("assets/diagram.svg")).isEqualTo("/courses/acme/cloud/assets/diagram.svg");
        assertThat(COURSE_LINKS.resolve("./assets/a b.png")).isEqualTo("/courses/acme/cloud/assets/a%20b.png");
    }

    @Test
    void linksToLessonFilesBecomeLessonPages() {
        assertThat(COURSE_LINKS.resolve("lessons/02-pricing.md#tiers")).isEqualTo("/courses/acme/cloud/lessons/pricing#tiers");
    }

    @Test
    void relativePathsCannotLeaveTheCourseFolder() {
        assertThat(COURSE_LINKS.resolve("../other/assets/x.png")).isNull();
        assertThat(COURSE_LINKS.resolve("assets/../../x.png")).isNull();
    }

    @Test
    void absoluteAndAnchorLinksAreKept() {
        assertThat(COURSE_LINKS.resolve("https://example.com/a")).isEqualTo("https://example.com/a");
        assertThat(COURSE_LINKS.resolve("#section")).isEqualTo("#section");
        assertThat(COURSE_LINKS.resolve("/courses/other/x")).isEqualTo("/courses/other/x");
    }

    @Test
    void translatedLessonsResolveAgainstTheirLanguageFolder() {
        LessonRenderer.Links german = new LessonRenderer.Links("/courses/acme/cloud", "i18n/de/",
                Map.of("i18n/de/lessons/01-welcome.md", "welcome"));
        assertThat(german.resolve("assets/diagramm.svg")).isEqualTo("/courses/acme/cloud/i18n/de/assets/diagramm.svg");
        assertThat(german.resolve("lessons/01-welcome.md")).isEqualTo("/courses/acme/cloud/lessons/welcome");
    }

    @Test
    void leadingTitleIsDroppedAndSectionsStayUnderThePageTitle() {
        assertThat(headings("# Lesson title\n\nText\n\n## Part\n\n### Detail\n"))
                .doesNotContain("<h1>", "Lesson title").contains("<h2>Part</h2>", "<h3>Detail</h3>");
    }

    @Test
    void lessonsWithSeveralTopHeadingsMoveDownALevel() {
        assertThat(headings("Intro\n\n# One\n\n# Two\n\n###### Deep\n"))
                .doesNotContain("<h1>").contains("<h2>One</h2>", "<h2>Two</h2>", "<h6>Deep</h6>");
    }

    private static String headings(String markdown) {
        var parser = org.commonmark.parser.Parser.builder().build();
        return org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(LessonRenderer.underPageTitle(parser.parse(markdown)));
    }

    @Test
    void sanitizedOutputKeepsTablesCodeAndSafeLinks() {
        String html = LessonRenderer.sanitize("<table><tr><th align=\"left\">A</th></tr><tr><td>1</td></tr></table>"
                + "<pre><code class=\"language-java\">int x;</code></pre><a href=\"assets/c.pdf\">checklist</a>", COURSE_LINKS);
        assertThat(html).contains("<table>", "<th align=\"left\">A</th>", "<code class=\"language-java\">",
                "href=\"/courses/acme/cloud/assets/c.pdf\"", "rel=\"noopener noreferrer\"");
    }
}
