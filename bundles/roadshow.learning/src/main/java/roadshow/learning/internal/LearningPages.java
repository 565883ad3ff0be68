package roadshow.learning.internal;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.catalog.api.Catalog;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Lesson;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.Subject;
import roadshow.learning.api.CourseProgress;
import roadshow.learning.api.Learning;
import roadshow.learning.api.LearningException;
import roadshow.web.api.Pages;

/**
 * The learner's pages: {@code /learning}, "my learning", every course enrolled in with its
 * progress and where to resume; and {@code /learning/courses/{vendor}/{course}}, one
 * course's lessons with what is done, where the learner enrolls and marks lessons done.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/learning", "/learning/*"})
public class LearningPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final transient Learning learning;
    private final transient Catalog catalog;
    private final transient Pages pages;

    @Activate
    public LearningPages(@Reference Learning learning, @Reference Catalog catalog, @Reference Pages pages) {
        this.learning = learning;
        this.catalog = catalog;
        this.pages = pages;
    }

    /** The course a {@code /learning/courses/{vendor}/{course}} path names, if it is served. */
    private Optional<CatalogCourse> course(HttpServletRequest request) {
        String info = Optional.ofNullable(request.getPathInfo()).orElse("");
        String[] parts = info.split("/");
        if (parts.length != 4 || !parts[1].equals("courses")) {
            return Optional.empty();
        }
        return catalog.course(parts[2], parts[3]);
    }

    private static Optional<String> learner(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return Subject.signedIn(request, response).map(Subject::personId);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (info.isEmpty() || info.equals("/")) {
            Optional<String> learner = learner(request, response);
            if (learner.isPresent()) {
                myLearning(request, response, learner.get());
            }
            return;
        }
        Optional<CatalogCourse> course = course(request);
        if (course.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<String> learner = learner(request, response);
        if (learner.isPresent()) {
            coursePage(request, response, learner.get(), course.get(), null, 200);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CatalogCourse> course = course(request);
        if (course.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<String> learner = learner(request, response);
        if (learner.isEmpty()) {
            return;
        }
        String lesson = request.getParameter("lesson");
        try {
            if ("enroll".equals(request.getParameter("action"))) {
                learning.enroll(learner.get(), course.get().globalId());
                response.setStatus(303);
                response.setHeader("Location", request.getRequestURI() + "?done=enrolled");
            } else if ("done".equals(request.getParameter("action")) && lesson != null) {
                learning.completeLesson(learner.get(), course.get().globalId(), lesson);
                CourseProgress progress = learning.progress(learner.get(), course.get().globalId()).orElseThrow();
                // on to the next lesson not done, or back to this page when all are
                response.setStatus(303);
                response.setHeader("Location", progress.resumeLesson() != null
                        ? "/courses/" + course.get().globalId() + "/lessons/" + progress.resumeLesson() : request.getRequestURI() + "?done=all");
            } else {
                response.sendError(400);
            }
        } catch (LearningException e) {
            coursePage(request, response, learner.get(), course.get(), e, 409);
        }
    }

    private void myLearning(HttpServletRequest request, HttpServletResponse response, String learner) throws IOException {
        List<Map<String, Object>> courses = new ArrayList<>();
        for (CourseProgress progress : learning.progress(learner)) {
            Optional<CatalogCourse> served = catalog.course(progress.course().split("/")[0], progress.course().split("/")[1]);
            if (served.isEmpty()) {
                continue;
            }
            courses.add(row(served.get(), progress));
        }
        render(request, response, 200, "learning.ftlh", Map.of("courses", courses));
    }

    private static Map<String, Object> row(CatalogCourse course, CourseProgress progress) {
        Map<String, Object> row = new HashMap<>();
        row.put("title", course.course().title());
        row.put("vendor", course.course().vendor());
        row.put("href", "/learning/courses/" + course.globalId());
        row.put("done", progress.lessonsDone());
        row.put("total", progress.lessonsTotal());
        row.put("completed", progress.completedAt() == null ? "" : DAY.format(progress.completedAt()));
        row.put("completedVersion", progress.completedVersion() == null ? "" : progress.completedVersion());
        row.put("resume", progress.resumeLesson() == null ? "" : "/courses/" + course.globalId() + "/lessons/" + progress.resumeLesson());
        row.put("quiz", course.course().quiz() != null);
        row.put("quizHref", course.course().quiz() == null ? "" : "/quizzes/" + course.course().quiz());
        row.put("quizPassed", progress.quizPassed());
        return row;
    }

    private void coursePage(HttpServletRequest request, HttpServletResponse response, String learner, CatalogCourse course,
            LearningException problem, int status) throws IOException {
        Optional<CourseProgress> progress = learning.progress(learner, course.globalId());
        Map<String, Object> model = new HashMap<>();
        model.put("course", Map.of("title", course.course().title(), "vendor", course.course().vendor(),
                "href", "/courses/" + course.globalId(), "action", "/learning/courses/" + course.globalId()));
        model.put("enrolled", progress.isPresent());
        progress.ifPresent(p -> model.put("progress", row(course, p)));
        model.put("problem", problem == null ? "" : problem.getMessage());
        // the courses still to complete, by title and with a link, rather than by id
        model.put("missing", problem == null ? List.of() : problem.missing().stream().map(id -> {
            String[] parts = id.split("/", 2);
            Optional<CatalogCourse> missing = parts.length == 2 ? catalog.course(parts[0], parts[1]) : Optional.empty();
            return Map.of("title", missing.map(c -> c.course().title()).orElse(id),
                    "href", missing.map(c -> "/learning/courses/" + c.globalId()).orElse(""));
        }).toList());
        model.put("notice", "enrolled".equals(request.getParameter("done")) ? "You are enrolled. Your progress is saved as you go."
                : "all".equals(request.getParameter("done")) ? "Every lesson is done." : "");
        Set<String> done = progress.isPresent() ? learning.doneLessons(learner, course.globalId()) : Set.of();
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (Lesson lesson : course.course().lessons()) {
            lessons.add(Map.of("id", lesson.id(), "title", lesson.title(), "href", "/courses/" + course.globalId() + "/lessons/" + lesson.id(),
                    "done", done.contains(lesson.id())));
        }
        model.put("lessons", lessons);
        render(request, response, status, "course-progress.ftlh", model);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        model = new HashMap<>(model);
        model.put("csrfToken", Csrf.token(request));
        response.setHeader("Cache-Control", "private, no-store");
        pages.render(request, response, status, template, model);
    }
}
