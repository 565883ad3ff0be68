package roadshow.quiz.api;

import java.util.List;

/**
 * The outcome of {@link QuestionType#prepare}: either the prepared question, or the
 * problems that keep the definition from being one; never both.
 *
 * @param question the question, or {@code null} when refused
 * @param problems every problem found; empty exactly when there is a question
 */
public record Preparation(PreparedQuestion question, List<QuestionProblem> problems) {

    public Preparation {
        problems = problems == null ? List.of() : List.copyOf(problems);
        if ((question == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a preparation holds either a question or problems");
        }
    }

    /** A definition that was accepted. */
    public static Preparation of(PreparedQuestion question) {
        return new Preparation(question, List.of());
    }

    /** A definition that was refused. */
    public static Preparation refused(List<QuestionProblem> problems) {
        return new Preparation(null, problems);
    }

    /** Whether the definition was accepted. */
    public boolean isReady() {
        return question != null;
    }
}
