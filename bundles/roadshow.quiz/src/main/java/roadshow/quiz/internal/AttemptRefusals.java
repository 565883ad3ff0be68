package roadshow.quiz.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import roadshow.quiz.api.AttemptException;
import roadshow.web.api.Problem;

/** How the attempt endpoints answer a step refused. */
final class AttemptRefusals {

    private AttemptRefusals() {
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
