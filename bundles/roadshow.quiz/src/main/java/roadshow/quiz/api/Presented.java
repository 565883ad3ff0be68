package roadshow.quiz.api;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A question as one attempt shows it to the learner, in the shape of the REST API's
 * attempt questions ({@code {id, type, prompt, choices?/items?/left?/right?}}): what the
 * learner needs to answer and the ids to answer with, in the order shown, and nothing
 * from which the answer can be told. The attempt keeps it so that the learner sees the
 * same order each time they come back. Lists a type does not use are empty, and left out
 * of its JSON.
 *
 * @param id      the question's id
 * @param type    the question's type id
 * @param prompt  the question text
 * @param points  the points a fully right answer earns
 * @param choices the choices to pick from (single, multiple)
 * @param items   the items to put in order, in a random order (ordering)
 * @param left    the things to match (matching)
 * @param right   what they match to, in a random order, each listed once however many
 *                things match it (matching)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Presented(
        String id,
        String type,
        String prompt,
        double points,
        List<Option> choices,
        List<Option> items,
        List<Option> left,
        List<Option> right) {

    public Presented {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prompt, "prompt");
        choices = choices == null ? List.of() : List.copyOf(choices);
        items = items == null ? List.of() : List.copyOf(items);
        left = left == null ? List.of() : List.copyOf(left);
        right = right == null ? List.of() : List.copyOf(right);
    }

    /** A question that shows only its prompt (truefalse, numeric, text). */
    public static Presented prompt(PreparedQuestion question) {
        return new Presented(question.id(), question.type(), question.prompt(), question.points(), null, null, null, null);
    }
}
