package roadshow.quiz.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Subject;
import roadshow.web.api.Answered;
import roadshow.web.api.JsonBody;
import roadshow.web.api.RequestPath;
import roadshow.quiz.api.AttemptException;
import roadshow.quiz.api.QuizAttempts;
import roadshow.web.api.Json;

/**
 * {@code POST /api/v1/quizzes/{vendor}/{quiz}/attempts}: starts an attempt, answering 201
 * with {@code {attempt, deadline, questions}} and no answer in it; {@code GET} lists the
 * learner's attempts at the quiz.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/quizzes/*")
public class StartAttemptApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient QuizAttempts attempts;

    @Activate
    public StartAttemptApi(@Reference QuizAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = attemptsPath(request);
        if (parts == null) {
            AttemptRefusals.notFound(response);
            return;
        }
        try {
            String learner = Subject.person(request, response, "take a quiz");
            response.setHeader("Cache-Control", "private, no-store");
            Json.send(response, Map.of("items", attempts.attempts(learner, parts.get(0) + "/" + parts.get(1))));
        } catch (Answered answered) {
            // answered
        }
    }

    /** The vendor and quiz of a {@code /{vendor}/{quiz}/attempts} path, or {@code null}. */
    private static List<String> attemptsPath(HttpServletRequest request) {
        List<String> parts = RequestPath.segments(request);
        return parts.size() != 3 || !parts.get(2).equals("attempts") || parts.get(0).isEmpty() || parts.get(1).isEmpty() ? null : parts;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = attemptsPath(request);
        if (parts == null) {
            AttemptRefusals.notFound(response);
            return;
        }
        try {
            String learner = Subject.person(request, response, "take a quiz");
            // nothing to say in the body, but what comes must be JSON: a cross-site form is refused
            JsonBody.read(request, response, false);
            var attempt = attempts.start(learner, parts.get(0) + "/" + parts.get(1));
            response.setHeader("Cache-Control", "private, no-store");
            Json.send(response, HttpServletResponse.SC_CREATED, attempt);
        } catch (Answered answered) {
            // answered
        } catch (AttemptException e) {
            AttemptRefusals.refuse(response, e);
        }
    }
}
