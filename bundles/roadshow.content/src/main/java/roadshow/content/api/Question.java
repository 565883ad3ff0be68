package roadshow.content.api;

import java.util.Map;

/**
 * One question of a quiz's pool. Its type decides what the rest of its definition
 * means (choices, answer, items, pairs, ...); the definition is kept as written so
 * that question types can be added without changing this model.
 *
 * @param id         unique within its quiz
 * @param type       the question type, such as {@code single} or {@code matching}
 * @param points     points the question is worth
 * @param prompt     the question text
 * @param definition every field of the question as parsed from YAML (maps, lists,
 *                   strings, numbers and booleans), including those above
 */
public record Question(String id, String type, double points, String prompt, Map<String, Object> definition) {

    public Question {
        definition = Map.copyOf(definition);
    }
}
