package roadshow.quiz.api;

import java.util.Objects;

/**
 * Something wrong with a question's definition.
 *
 * @param field   the field it is about, as a path into the definition such as
 *                {@code choices} or {@code choices[2].id}; {@code null} for the
 *                definition as a whole
 * @param message what is wrong, naming the field, for the vendor who wrote it
 */
public record QuestionProblem(String field, String message) {

    public QuestionProblem {
        Objects.requireNonNull(message, "message");
    }
}
