package roadshow.quiz.api;

import java.util.List;

/** A step of a quiz attempt that was refused, with the reason an endpoint answers it by. */
public class AttemptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a step was refused. */
    public enum Reason {
        /** No such quiz is served, or no such attempt (or question in it) is the learner's. */
        NOT_FOUND,
        /** The learner has used every attempt the quiz allows. */
        NO_ATTEMPTS_LEFT,
        /** The attempt was submitted, or its deadline has passed: it takes no more answers. */
        CLOSED,
        /** The answer is not of the shape its question takes: {@link #problems()} says why. */
        INVALID_ANSWER,
        /** The quiz cannot be taken or graded now: withdrawn, or a question type it uses is gone. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final List<String> problems;

    public AttemptException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public AttemptException(Reason reason, String message, List<String> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong with a refused answer; empty for other reasons. */
    public List<String> problems() {
        return problems;
    }
}
