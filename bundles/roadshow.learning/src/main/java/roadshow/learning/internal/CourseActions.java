package roadshow.learning.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Subject;
import roadshow.learning.api.LearningException;
import roadshow.learning.api.Learning;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.RequestPath;

/**
 * A learner's steps on a course, under the catalog's course URLs:
 * {@code POST /api/v1/courses/{vendor}/{course}/enrollment} and
 * {@code PUT /api/v1/courses/{vendor}/{course}/lessons/{lesson}/completion}, both
 * idempotent, answering the learner's progress in the course. A filter rather than a
 * servlet: the catalog owns {@code /api/v1/courses/*} and answers everything else there.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/v1/courses/*")
public class CourseActions implements Filter {

    private static final String PREFIX = "/api/v1/courses/";

    private final Learning learning;

    @Activate
    public CourseActions(@Reference Learning learning) {
        this.learning = learning;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = RequestPath.of(request);
        List<String> parts = path.startsWith(PREFIX) ? List.of(path.substring(PREFIX.length()).split("/", -1)) : List.of();
        boolean enrollment = parts.size() == 3 && parts.get(2).equals("enrollment") && "POST".equals(request.getMethod());
        boolean completion = parts.size() == 5 && parts.get(2).equals("lessons") && parts.get(4).equals("completion")
                && "PUT".equals(request.getMethod());
        if (!enrollment && !completion) {
            chain.doFilter(request, response);
            return;
        }
        String course = parts.get(0) + "/" + parts.get(1);
        try {
            String learner = Subject.person(request, response, "learn");
            Json.send(response, enrollment ? learning.enroll(learner, course) : learning.completeLesson(learner, course, parts.get(3)));
        } catch (Answered answered) {
            // the problem is sent
        } catch (LearningException e) {
            LearningRefusals.refuse(response, e);
        }
    }
}
