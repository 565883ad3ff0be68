package roadshow.learning.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Subject;
import roadshow.learning.api.CourseProgress;
import roadshow.learning.api.Learning;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;

/**
 * {@code GET /api/v1/me/progress}: per course the learner is enrolled in,
 * {@code {course, version, lessonsDone, lessonsTotal, quizPassed, completedAt}} and more.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/me/progress")
public class MyProgressApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Learning learning;

    @Activate
    public MyProgressApi(@Reference Learning learning) {
        this.learning = learning;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<CourseProgress> progress;
        try {
            progress = learning.progress(Subject.person(request, response, "learn"));
        } catch (Answered answered) {
            return;
        }
        response.setHeader("Cache-Control", "private, no-store");
        Json.send(response, new Page<>(progress, null));
    }
}
