package roadshow.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.content.api.Quiz;
import roadshow.web.api.LanguagePreference;
import roadshow.web.api.Pages;

/**
 * A course's pages: {@code /courses/{vendor}/{course}} (the outline),
 * {@code .../lessons/{lesson}} (a lesson to read) and the course's assets under
 * {@code .../assets/} and {@code .../i18n/{locale}/assets/}, served from its bundle.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/courses/*")
public class CoursePages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CoursePages.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ASSET = Pattern.compile("(i18n/[A-Za-z0-9-]{2,35}/)?assets/[^\\\\]+");
    /**
     * Vendor assets come from a party the learner's browser must not trust: an SVG or HTML
     * asset opened on its own may run no script and reach nothing.
     */
    private static final String ASSET_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "font-src 'self'; sandbox";

    private final transient CatalogService catalog;
    private final transient Pages pages;
    private final transient LessonRenderer lessons = new LessonRenderer();

    @Activate
    public CoursePages(@Reference CatalogService catalog, @Reference Pages pages) {
        this.catalog = catalog;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/", 4);
        // parts: "", vendor, course, rest
        if (parts.length < 3 || !ID.matcher(parts[1]).matches() || !ID.matcher(parts[2]).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<CatalogCourse> listing = catalog.course(parts[1], parts[2]);
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        LocalizedCourse course = LocalizedCourse.of(listing.get(), LanguagePreference.of(request));
        String rest = parts.length == 4 ? parts[3] : "";
        if (rest.isEmpty()) {
            coursePage(request, response, course);
        } else if (rest.startsWith("lessons/") && ID.matcher(rest.substring(8)).matches()) {
            Optional<Lesson> lesson = course.course().lesson(rest.substring(8));
            if (lesson.isPresent()) {
                lessonPage(request, response, course, lesson.get());
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } else if (ASSET.matcher(rest).matches() && !rest.contains("..")) {
            asset(request, response, listing.get(), rest);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void coursePage(HttpServletRequest request, HttpServletResponse response, LocalizedCourse localized)
            throws IOException {
        // Prerequisites name other courses, so the page follows the whole catalog, not only its bundle.
        List<Object> key = List.of("course", catalog.index(), localized.listing().bundle(), localized.course().id(),
                localized.language());
        pages.renderShared(request, response, key, "course.ftlh", () -> courseModel(request, localized));
    }

    private Map<String, ?> courseModel(HttpServletRequest request, LocalizedCourse localized) {
        Course course = localized.course();
        Map<String, Object> model = base(request, localized);
        List<Map<String, Object>> outline = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            outline.add(Map.of(
                    "href", CoursePaths.lessonUrl(course, lesson),
                    "title", localized.lessonTitle(lesson),
                    "duration", Views.duration(lesson.duration())));
        }
        model.put("lessons", outline);
        model.put("firstLesson", course.lessons().isEmpty() ? "" : CoursePaths.lessonUrl(course, course.lessons().get(0)));
        // the learner's own progress lives on the learning bundle's page; this page is the same for everyone
        model.put("progressHref", "/learning" + CoursePaths.courseUrl(course));
        model.put("prerequisites", prerequisites(course));
        model.put("quiz", quiz(localized));
        model.put("crumbs", List.of(Views.crumb("Catalog", "/"), Views.crumb(localized.title(), null)));
        return model;
    }

    private List<Map<String, Object>> prerequisites(Course course) {
        List<Map<String, Object>> prerequisites = new ArrayList<>();
        for (String globalId : course.prerequisites()) {
            String[] id = globalId.split("/", 2);
            Optional<CatalogCourse> listed = catalog.course(id[0], id[1]);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", globalId);
            entry.put("title", listed.map(l -> l.course().title()).orElse(globalId));
            entry.put("href", listed.map(l -> CoursePaths.courseUrl(l.course())).orElse(""));
            prerequisites.add(entry);
        }
        return prerequisites;
    }

    private static Map<String, Object> quiz(LocalizedCourse localized) {
        Course course = localized.course();
        if (course.quiz() == null) {
            return Map.of();
        }
        String quizId = course.quiz().substring(course.quiz().indexOf('/') + 1);
        Optional<Quiz> quiz = localized.listing().bundle().quiz(quizId);
        if (quiz.isEmpty()) {
            return Map.of();
        }
        Quiz q = quiz.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", q.title());
        view.put("questions", q.draw() > 0 ? q.draw() : q.questions().size());
        view.put("passPercent", Math.round(q.passScore() * 100));
        view.put("timeLimit", Views.duration(q.timeLimit()));
        view.put("maxAttempts", q.maxAttempts());
        view.put("href", "/quizzes/" + q.vendor() + "/" + q.id());
        return view;
    }

    private void lessonPage(HttpServletRequest request, HttpServletResponse response, LocalizedCourse localized,
            Lesson lesson) throws IOException {
        Optional<String> html = lessons.render(localized, lesson);
        if (html.isEmpty()) {
            LOG.warn("Lesson {} of {} has no readable file {}", lesson.id(), localized.course().globalId(),
                    localized.lessonFile(lesson));
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<Object> key = List.of("lesson", localized.listing().bundle(), localized.course().id(), lesson.id(),
                localized.language());
        pages.renderShared(request, response, key, "lesson.ftlh", () -> lessonModel(request, localized, lesson, html.get()));
    }

    private Map<String, ?> lessonModel(HttpServletRequest request, LocalizedCourse localized, Lesson lesson, String html) {
        Course course = localized.course();
        List<Lesson> all = course.lessons();
        int index = all.indexOf(lesson);
        Map<String, Object> model = base(request, localized);
        model.put("lesson", Map.of(
                "id", lesson.id(),
                "title", localized.lessonTitle(lesson),
                "duration", Views.duration(lesson.duration()),
                "html", html,
                "number", index + 1));
        model.put("lessonCount", all.size());
        model.put("previous", index > 0 ? link(localized, all.get(index - 1)) : Map.of());
        model.put("next", index < all.size() - 1 ? link(localized, all.get(index + 1)) : Map.of());
        model.put("crumbs", List.of(Views.crumb("Catalog", "/"),
                Views.crumb(localized.title(), CoursePaths.courseUrl(course)),
                Views.crumb(localized.lessonTitle(lesson), null)));
        return model;
    }

    private static Map<String, Object> link(LocalizedCourse localized, Lesson lesson) {
        return Map.of("href", CoursePaths.lessonUrl(localized.course(), lesson), "title", localized.lessonTitle(lesson));
    }

    private static Map<String, Object> base(HttpServletRequest request, LocalizedCourse localized) {
        Course course = localized.course();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("locale", localized.language());
        model.put("languages", Views.languageSwitch(request, localized.languages(), localized.language()));
        model.put("course", Map.of(
                "href", CoursePaths.courseUrl(course),
                "globalId", course.globalId(),
                "title", localized.title(),
                "summary", java.util.Objects.toString(localized.summary(), ""),
                "vendor", course.vendor(),
                "version", localized.listing().version(),
                "duration", Views.duration(course.duration()),
                "level", course.level() == null ? "" : course.level().id(),
                "tags", course.tags(),
                "language", Views.languageName(localized.language())));
        return model;
    }

    private void asset(HttpServletRequest request, HttpServletResponse response, CatalogCourse listing, String path)
            throws IOException {
        String etag = "\"" + listing.bundle().symbolicName() + "@" + listing.version() + "\"";
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<InputStream> in = listing.bundle().open(listing.course().folder() + path);
        if (in.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = AssetTypes.of(path);
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", ASSET_POLICY);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=300");
        if (!AssetTypes.inline(type)) {
            response.setHeader("Content-Disposition", "attachment");
        }
        try (InputStream stream = in.get(); OutputStream out = response.getOutputStream()) {
            stream.transferTo(out);
        }
    }
}
