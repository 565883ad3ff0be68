package roadshow.catalog.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;
import roadshow.web.api.Problem;

/**
 * {@code GET /api/v1/courses} (the catalog, searched and paged) and
 * {@code GET /api/v1/courses/{vendor}/{course}} (one course with its lessons and quiz).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/courses", "/api/v1/courses/*"})
public class CoursesApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern COURSE_PATH = Pattern.compile("/([a-z0-9][a-z0-9-]{0,63})/([a-z0-9][a-z0-9-]{0,63})/?");

    private final transient CatalogService catalog;

    @Activate
    public CoursesApi(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            list(request, response);
            return;
        }
        var matcher = COURSE_PATH.matcher(path);
        if (!matcher.matches()) {
            Problem.notFound("There is no resource at " + request.getRequestURI() + ".").send(response);
            return;
        }
        Optional<CatalogCourse> listing = catalog.course(matcher.group(1), matcher.group(2));
        if (listing.isEmpty()) {
            Problem.notFound("There is no course " + matcher.group(1) + "/" + matcher.group(2) + " in the catalog.")
                    .send(response);
            return;
        }
        Json.send(response, CourseJson.of(listing.get()));
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page.Request paging;
        try {
            paging = Page.Request.read(request, response);
        } catch (Answered answered) {
            return;
        }
        int limit = paging.limit();
        Optional<String> after = paging.after();
        CatalogQuery query = new CatalogQuery(request.getParameter("q"), request.getParameter("vendor"),
                request.getParameter("tag"), request.getParameter("lang"), request.getParameter("level"));
        List<CourseJson> items = new ArrayList<>();
        String next = null;
        for (CatalogCourse listing : catalog.index().search(query)) {
            if (after.isPresent() && listing.globalId().compareTo(after.get()) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                next = Page.cursor(items.get(items.size() - 1).vendor() + "/" + items.get(items.size() - 1).id());
                break;
            }
            items.add(CourseJson.of(listing));
        }
        Json.send(response, new Page<>(items, next));
    }

    /** A course as the API shows it; the field names are the contract of rest-api-v1. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CourseJson(String id, String vendor, String version, String title, String summary, Duration duration,
            String level, List<String> tags, String language, List<String> languages, List<LessonJson> lessons,
            String quiz, List<String> prerequisites, String url) {

        static CourseJson of(CatalogCourse listing) {
            Course c = listing.course();
            return new CourseJson(c.id(), c.vendor(), listing.version(), c.title(), c.summary(), c.duration(),
                    c.level() == null ? null : c.level().id(), c.tags(), c.language(), CatalogIndex.languages(c),
                    c.lessons().stream().map(LessonJson::of).toList(), quizId(c), c.prerequisites(),
                    CoursePaths.courseUrl(c));
        }

        /** The quiz's id within the vendor, as {@code /api/v1/quizzes/{vendor}/{quiz}} takes it. */
        private static String quizId(Course c) {
            return c.quiz() == null ? null : c.quiz().substring(c.quiz().indexOf('/') + 1);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LessonJson(String id, String title, Duration duration) {
        static LessonJson of(Lesson lesson) {
            return new LessonJson(lesson.id(), lesson.title(), lesson.duration());
        }
    }
}
