package roadshow.learning.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import roadshow.learning.api.LearningException;
import roadshow.web.api.Problem;

/** How the learner endpoints answer a refused step. */
final class LearningRefusals {

    private LearningRefusals() {
    }

    static void refuse(HttpServletResponse response, LearningException e) throws IOException {
        switch (e.reason()) {
            case NOT_FOUND -> Problem.notFound(e.getMessage()).send(response);
            case NOT_ENROLLED -> Problem.of(409, "Conflict", e.getMessage()).send(response);
            case PREREQUISITES -> new Problem("about:blank", "Conflict", 409, e.getMessage(), e.missing().stream()
                    .map(course -> new Problem.FieldError(null, null, "prerequisites", "Complete " + course + " first.")).toList())
                    .send(response);
        }
    }
}
