package roadshow.quiz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Subject;
import roadshow.quiz.api.AttemptException;
import roadshow.web.api.Json;
import roadshow.web.api.Problem;

/**
 * What the attempt endpoints share: who the learner is, reading JSON bodies, and how a
 * refused step is answered.
 */
final class LearnerRequests {

    /** The largest body an attempt endpoint reads: an answer is a few ids or a short text. */
    static final int MAX_BODY = 64 * 1024;

    private LearnerRequests() {
    }

    /** A request answered with a problem already sent. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /** The person making the request; a visitor is answered 401, an integration's token 403. */
    static String learner(HttpServletRequest request, HttpServletResponse response) throws IOException, Refused {
        Optional<Subject> subject = Subject.of(request);
        if (subject.isEmpty()) {
            Problem.of(401, "Unauthorized", "Log in to take a quiz: your attempts are kept in your account.").send(response);
            throw new Refused();
        }
        if (subject.get().viaToken()) {
            Problem.of(403, "Forbidden", "A quiz is taken by the learner, not by an integration's token.").send(response);
            throw new Refused();
        }
        return subject.get().personId();
    }

    /**
     * The JSON body, or {@code null} when there is none and {@code required} is false. A body
     * of another media type (which a cross-site form could send) is answered 415, one too
     * large 413, malformed JSON or a missing required body 400.
     */
    static JsonNode body(HttpServletRequest request, HttpServletResponse response, boolean required) throws IOException, Refused {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
        if (bytes.length == 0 && !required && (type == null || json)) {
            return null;
        }
        if (!json) {
            Problem.of(415, "Unsupported Media Type", "Send the body as application/json.").send(response);
            throw new Refused();
        }
        if (bytes.length > MAX_BODY) {
            Problem.of(413, "Content Too Large", "The body is larger than " + MAX_BODY + " bytes.").send(response);
            throw new Refused();
        }
        try {
            JsonNode body = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
            if (body == null || body.isMissingNode()) {
                Problem.badRequest("The body must be JSON, such as {\"choice\": \"a\"}.").send(response);
                throw new Refused();
            }
            return body;
        } catch (JsonProcessingException e) {
            Problem.badRequest("The body is not valid JSON: " + e.getOriginalMessage()).send(response);
            throw new Refused();
        }
    }

    /** The path segments after the servlet's pattern: {@code /api/v1/attempts/x/submission} under {@code /api/v1/attempts/*} is [x, submission]. */
    static List<String> segments(HttpServletRequest request) {
        String info = Optional.ofNullable(request.getPathInfo()).orElse("");
        return info.isEmpty() || info.equals("/") ? List.of() : List.of(info.substring(1).split("/", -1));
    }

    static void notFound(HttpServletResponse response) throws IOException {
        Problem.notFound("There is nothing here.").send(response);
    }

    static void refuse(HttpServletResponse response, AttemptException e) throws IOException {
        switch (e.reason()) {
            case NOT_FOUND -> Problem.notFound(e.getMessage()).send(response);
            case NO_ATTEMPTS_LEFT, CLOSED -> Problem.of(409, "Conflict", e.getMessage()).send(response);
            case INVALID_ANSWER -> new Problem("about:blank", "Bad request", 400, e.getMessage(), e.problems().stream()
                    .map(problem -> new Problem.FieldError(null, null, "answer", problem)).toList()).send(response);
            case UNAVAILABLE -> Problem.of(503, "Service Unavailable", e.getMessage()).send(response);
        }
    }
}
