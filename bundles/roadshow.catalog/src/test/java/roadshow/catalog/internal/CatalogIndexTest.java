package roadshow.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

class CatalogIndexTest {

    private static Course course(String vendor, String id, String title, String language, Course.Level level,
            List<String> tags, Map<String, Course.Translation> translations) {
        return new Course(id, vendor, title, "About " + title, language, Duration.ofMinutes(30), level, tags,
                List.of(), List.of(new Lesson("one", "Getting started", "lessons/01.md", null)), null,
                "courses/" + id + "/", translations);
    }

    private static ContentBundle bundle(String vendor, Course... courses) {
        return new ContentBundle() {
            public String vendor() { return vendor; }
            public String symbolicName() { return "com." + vendor; }
            public String version() { return "1.0.0"; }
            public List<Course> courses() { return List.of(courses); }
            public List<Quiz> quizzes() { return List.of(); }
            public List<Track> tracks() { return List.of(); }
            public Optional<Program> program() { return Optional.empty(); }
            public Optional<InputStream> open(String path) { return Optional.empty(); }
        };
    }

    private final CatalogIndex index = CatalogIndex.of(List.of(
            bundle("acme",
                    course("acme", "cloud-basics", "Cloud Basics", "en", Course.Level.BEGINNER, List.of("cloud", "sales"),
                            Map.of("de", new Course.Translation("Cloud-Grundlagen", null, Map.of(), Map.of()))),
                    course("acme", "pricing", "Pricing Conversations", "en-GB", Course.Level.INTERMEDIATE, List.of("sales"), Map.of())),
            bundle("northwind",
                    course("northwind", "phishing", "Phishing Defense", "en", Course.Level.BEGINNER, List.of("security"), Map.of()))));

    private List<String> ids(CatalogQuery query) {
        return index.search(query).stream().map(CatalogCourse::globalId).toList();
    }

    @Test
    void everyWordMustMatchTitleSummaryTagsOrTranslations() {
        assertThat(ids(new CatalogQuery("cloud", null, null, null, null))).containsExactly("acme/cloud-basics");
        assertThat(ids(new CatalogQuery("PRICING conversations", null, null, null, null))).containsExactly("acme/pricing");
        assertThat(ids(new CatalogQuery("grundlagen", null, null, null, null))).containsExactly("acme/cloud-basics");
        assertThat(ids(new CatalogQuery("cloud phishing", null, null, null, null))).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(ids(new CatalogQuery(null, "acme", "sales", null, null))).containsExactly("acme/cloud-basics", "acme/pricing");
        assertThat(ids(new CatalogQuery(null, null, null, null, "beginner"))).containsExactly("acme/cloud-basics", "northwind/phishing");
        assertThat(ids(new CatalogQuery(null, "northwind", "sales", null, null))).isEmpty();
    }

    @Test
    void languageFilterMatchesTranslationsAndIgnoresRegion() {
        assertThat(ids(new CatalogQuery(null, null, null, "de", null))).containsExactly("acme/cloud-basics");
        assertThat(ids(new CatalogQuery(null, null, null, "en", null))).hasSize(3);
    }

    @Test
    void facetsCountTheWholeCatalog() {
        CatalogIndex.Facets facets = index.facets();
        assertThat(facets.vendors()).containsOnly(Map.entry("acme", 2), Map.entry("northwind", 1));
        assertThat(facets.tags()).containsEntry("sales", 2).containsEntry("security", 1);
        assertThat(facets.languages()).containsEntry("de", 1).containsEntry("en", 2).containsEntry("en-GB", 1);
    }

    @Test
    void lookupByVendorAndId() {
        assertThat(index.course("acme", "pricing")).map(CatalogCourse::version).contains("1.0.0");
        assertThat(index.course("acme", "phishing")).isEmpty();
    }
}
