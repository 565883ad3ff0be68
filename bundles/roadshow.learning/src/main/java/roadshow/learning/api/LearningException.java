package roadshow.learning.api;

import java.util.List;

/** A learning step that was refused, with the reason an endpoint answers it by. */
public class LearningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a step was refused. */
    public enum Reason {
        /** No such course or lesson is served now. */
        NOT_FOUND,
        /** The learner must enroll first. */
        NOT_ENROLLED,
        /** The course requires courses the learner has not completed: {@link #missing()}. */
        PREREQUISITES
    }

    private final Reason reason;
    private final List<String> missing;

    public LearningException(Reason reason, String message, List<String> missing) {
        super(message);
        this.reason = reason;
        this.missing = List.copyOf(missing);
    }

    public Reason reason() {
        return reason;
    }

    /** The global ids of the prerequisite courses not yet completed. */
    public List<String> missing() {
        return missing;
    }
}
