package roadshow.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Lesson;

/**
 * Turns a lesson's CommonMark into HTML that is safe to put in a learner's page: raw HTML
 * is sanitized (no script, no event handlers, no {@code javascript:} URLs), and relative
 * links and images are resolved against the course folder, so that they reach the
 * course's assets and, for links to lesson files, the lesson pages.
 */
final class LessonRenderer {

    /** Lessons are a few kilobytes; this bounds what one lesson may cost to render. */
    static final int MAX_LESSON_BYTES = 2 * 1024 * 1024;
    private static final int CACHED_LESSONS = 512;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private final Map<Key, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CACHED_LESSONS;
        }
    });

    /** The lesson as sanitized HTML, or empty when its file cannot be read. */
    Optional<String> render(LocalizedCourse course, Lesson lesson) throws IOException {
        String file = course.lessonFile(lesson);
        Key key = new Key(course.listing().bundle(), course.course().folder() + file);
        String html = cache.get(key);
        if (html == null) {
            Optional<String> markdown = read(course.listing().bundle(), key.path());
            if (markdown.isEmpty()) {
                return Optional.empty();
            }
            html = sanitize(renderer.render(underPageTitle(parser.parse(markdown.get()))), new Links(course, file));
            cache.put(key, html);
        }
        return Optional.of(html);
    }

    /**
     * Fits a lesson under the page's own title: a leading level-1 heading (the lesson title,
     * which the page shows already) is dropped, and if level-1 headings remain, every heading
     * moves down a level, so that the page keeps one {@code h1} and a sound outline.
     */
    static Node underPageTitle(Node document) {
        Node first = document.getFirstChild();
        if (first instanceof Heading heading && heading.getLevel() == 1) {
            first.unlink();
        }
        List<Heading> headings = new java.util.ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
                visitChildren(heading);
            }
        });
        if (headings.stream().anyMatch(h -> h.getLevel() == 1)) {
            headings.forEach(h -> h.setLevel(Math.min(h.getLevel() + 1, 6)));
        }
        return document;
    }

    private static Optional<String> read(ContentBundle bundle, String path) throws IOException {
        Optional<InputStream> in = bundle.open(path);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            byte[] bytes = stream.readNBytes(MAX_LESSON_BYTES + 1);
            if (bytes.length > MAX_LESSON_BYTES) {
                throw new IOException(path + " is larger than " + MAX_LESSON_BYTES + " bytes");
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static String sanitize(String html, Links links) {
        AttributePolicy url = (element, attribute, value) -> links.resolve(value);
        PolicyFactory policy = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
                .and(new HtmlPolicyBuilder()
                        .allowElements("a")
                        .allowStandardUrlProtocols()
                        .allowAttributes("href").matching(url).onElements("a")
                        .allowAttributes("title").onElements("a", "img", "abbr")
                        .requireRelsOnLinks("noopener", "noreferrer")
                        .allowElements("img")
                        .allowAttributes("src").matching(url).onElements("img")
                        .allowAttributes("alt").onElements("img")
                        .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
                        .allowElements("pre", "code", "hr", "br", "figure", "figcaption", "dl", "dt", "dd",
                                "details", "summary", "kbd", "mark", "abbr", "sup", "sub")
                        .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,32}")).onElements("code")
                        .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
                        .toFactory());
        return policy.sanitize(html);
    }

    /**
     * Where a link or image in one lesson points. Relative paths resolve against the folder
     * of the lesson's language (the course folder, or {@code i18n/<locale>/} for a
     * translation) as the content format says, then become site URLs under the course.
     */
    static final class Links {
        private final String courseUrl;
        private final String base;
        private final Map<String, String> lessonIdsByFile;

        Links(LocalizedCourse course, String lessonFile) {
            this(CoursePaths.courseUrl(course.course()), baseFolder(lessonFile), lessonFiles(course));
        }

        Links(String courseUrl, String base, Map<String, String> lessonIdsByFile) {
            this.courseUrl = courseUrl;
            this.base = base;
            this.lessonIdsByFile = lessonIdsByFile;
        }

        private static String baseFolder(String lessonFile) {
            // i18n/de/lessons/01.md resolves against i18n/de/; lessons/01.md against the course folder.
            return lessonFile.startsWith("i18n/") ? lessonFile.substring(0, lessonFile.indexOf('/', 5) + 1) : "";
        }

        private static Map<String, String> lessonFiles(LocalizedCourse course) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Lesson lesson : course.course().lessons()) {
                files.put(lesson.file(), lesson.id());
                files.put(course.lessonFile(lesson), lesson.id());
            }
            return files;
        }

        /** The URL to put in the page, or {@code null} to drop the attribute. */
        String resolve(String value) {
            // Raw HTML may carry unencoded spaces, which URI refuses.
            String link = value.trim().replace(" ", "%20");
            if (link.isEmpty() || link.startsWith("#") || link.startsWith("/")) {
                return link.isEmpty() ? null : link;
            }
            URI uri;
            try {
                uri = new URI(link);
            } catch (URISyntaxException e) {
                return null;
            }
            if (uri.getScheme() != null) {
                // The sanitizer allows only http, https and mailto through.
                return link;
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String resolved = URI.create(base).resolve(URI.create(path.replace(" ", "%20"))).normalize().getPath();
            if (resolved.startsWith("..") || resolved.startsWith("/")) {
                return null;
            }
            String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
            String lessonId = lessonIdsByFile.get(resolved);
            if (lessonId != null) {
                return courseUrl + "/lessons/" + lessonId + fragment;
            }
            return courseUrl + "/" + resolved.replace(" ", "%20") + fragment;
        }
    }

    private record Key(ContentBundle bundle, String path) {
    }
}
