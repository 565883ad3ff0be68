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
 * @param definition every field of the question as written in YAML, including those
 *                   above: choices and pairs as maps, lists as lists; text fields
 *                   (ids, type, prompt, choice text and feedback, text answers,
 *                   ordering items, left and right of a pair) as the text written, so
 *                   {@code no} stays {@code "no"} and {@code 1.10} stays {@code "1.10"};
 *                   numbers ({@code points}, a numeric {@code answer}, {@code tolerance})
 *                   as Long, BigInteger or Double; true/false fields as Boolean.
 *                   Fields left empty are left out. A question of a type that a code
 *                   bundle adds (one the content bundle requires in the
 *                   {@code roadshow.question.type} namespace) keeps each of its own fields
 *                   as YAML reads it: text as String, numbers as Long, BigInteger or
 *                   Double, true/false as Boolean, lists as List, mappings as Map; that
 *                   type checks them
 */
public record Question(String id, String type, double points, String prompt, Map<String, Object> definition) {

    public Question {
        definition = Map.copyOf(definition);
    }
}
