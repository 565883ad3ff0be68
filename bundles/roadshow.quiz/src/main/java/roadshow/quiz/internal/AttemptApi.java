package roadshow.quiz.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

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
 * A learner's own attempt: {@code GET /api/v1/attempts/{attempt}} reads it back (its
 * questions, the answers saved, and once submitted its grade), {@code PUT /api/v1/attempts/{attempt}/answers/{question}} saves
 * one answer (204), {@code POST /api/v1/attempts/{attempt}/submission} submits it and
 * answers the grade.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/attempts/*")
public class AttemptApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient QuizAttempts attempts;

    @Activate
    public AttemptApi(@Reference QuizAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = RequestPath.segments(request);
        if (parts.size() != 1 || parts.get(0).isEmpty()) {
            AttemptRefusals.notFound(response);
            return;
        }
        try {
            String learner = Subject.person(request, response, "take a quiz");
            response.setHeader("Cache-Control", "private, no-store");
            Json.send(response, attempts.attempt(learner, parts.get(0)));
        } catch (Answered answered) {
            // answered
        } catch (AttemptException e) {
            AttemptRefusals.refuse(response, e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = RequestPath.segments(request);
        if (parts.size() != 3 || !parts.get(1).equals("answers") || parts.get(0).isEmpty() || parts.get(2).isEmpty()) {
            AttemptRefusals.notFound(response);
            return;
        }
        try {
            String learner = Subject.person(request, response, "take a quiz");
            JsonNode answer = JsonBody.read(request, response, true);
            attempts.saveAnswer(learner, parts.get(0), parts.get(2), answer);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (Answered answered) {
            // answered
        } catch (AttemptException e) {
            AttemptRefusals.refuse(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = RequestPath.segments(request);
        if (parts.size() != 2 || !parts.get(1).equals("submission") || parts.get(0).isEmpty()) {
            AttemptRefusals.notFound(response);
            return;
        }
        try {
            String learner = Subject.person(request, response, "take a quiz");
            JsonBody.read(request, response, false);
            var result = attempts.submit(learner, parts.get(0));
            response.setHeader("Cache-Control", "private, no-store");
            Json.send(response, result);
        } catch (Answered answered) {
            // answered
        } catch (AttemptException e) {
            AttemptRefusals.refuse(response, e);
        }
    }
}
