package roadshow.learning.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Subject;
import roadshow.learning.api.LearningException;
import roadshow.web.api.Problem;

/** What the learner endpoints share: who the learner is, and how a refused step is answered. */
final class LearnerRequests {

    private LearnerRequests() {
    }

    /** The person making the request; a visitor is answered 401, an integration's token 403. */
    static Optional<String> learner(Optional<Subject> subject, HttpServletResponse response) throws IOException {
        if (subject.isEmpty()) {
            Problem.of(401, "Unauthorized", "Log in to learn: your progress is kept in your account.").send(response);
            return Optional.empty();
        }
        if (subject.get().viaToken()) {
            Problem.of(403, "Forbidden", "A learner's own progress is recorded by the learner, not by an integration's token.")
                    .send(response);
            return Optional.empty();
        }
        return Optional.of(subject.get().personId());
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
