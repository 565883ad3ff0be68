package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import roadshow.quiz.api.AttemptResult;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * A question of an attempt as the attempt and result templates draw it: its controls
 * filled with the answer saved, and once graded what the learner answered, in words.
 * Built from what the attempt shows ({@link Presented}), so it holds no answer the learner
 * did not give.
 */
final class QuestionView {

    private QuestionView() {
    }

    /**
     * @param number  the question's place in the attempt, from 1
     * @param type    its type, to draw the controls of a type the templates do not know;
     *                {@code null} when the type is gone
     * @param problem why the last answer posted was not saved, or {@code null}
     */
    static Map<String, Object> of(int number, Presented question, JsonNode answer, QuestionType type, String problem) {
        Map<String, Object> view = new HashMap<>();
        String name = AnswerForm.name(question.id());
        view.put("number", number);
        view.put("id", question.id());
        view.put("type", question.type());
        view.put("prompt", type == null ? question.prompt() : type.heading(question));
        view.put("points", question.points());
        view.put("name", name);
        view.put("problem", problem == null ? "" : problem);
        view.put("answered", answer != null && !answer.isNull());
        Optional<String> controls = type == null ? Optional.empty() : type.controls(question, answer, name);
        view.put("controls", controls.orElse(""));
        JsonNode value = answer == null ? null : answer.path(field(question.type()));
        switch (question.type()) {
            case "single" -> view.put("choices", options(question.choices(), id -> value != null && id.equals(value.asText(null))));
            case "multiple" -> view.put("choices", options(question.choices(), id -> contains(value, id)));
            case "truefalse" -> view.put("value", value != null && value.isBoolean() ? value.asText() : "");
            case "numeric", "text" -> view.put("value", value != null && (value.isNumber() || value.isTextual()) ? value.asText() : "");
            case "ordering" -> view.put("places", IntStream.range(0, question.items().size()).mapToObj(i -> Map.of(
                    "place", i + 1,
                    "options", options(question.items(), id -> value != null && id.equals(value.path(i).asText(null)))))
                    .toList());
            case "matching" -> view.put("lefts", question.left().stream().map(left -> Map.of(
                    "id", left.id(), "text", left.text(),
                    "options", options(question.right(), id -> value != null && id.equals(value.path(left.id()).asText(null)))))
                    .toList());
            default -> {
                // drawn by its type's controls
            }
        }
        view.put("given", given(question, value));
        return view;
    }

    /** The same, with how the question was graded. */
    static Map<String, Object> graded(int number, Presented question, JsonNode answer, QuestionType type,
            AttemptResult.QuestionResult result) {
        Map<String, Object> view = of(number, question, answer, type, null);
        view.put("correct", result.correct());
        view.put("earned", result.points());
        view.put("partial", !result.correct() && result.points() > 0);
        view.put("feedback", result.feedback());
        return view;
    }

    /** The one field of a built-in type's answer body. */
    private static String field(String type) {
        return switch (type) {
            case "single" -> "choice";
            case "multiple" -> "choices";
            case "ordering" -> "order";
            case "matching" -> "pairs";
            case "text" -> "text";
            default -> "value";
        };
    }

    private static boolean contains(JsonNode array, String id) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode element : array) {
            if (id.equals(element.asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static List<Map<String, Object>> options(List<Option> options, Predicate<String> selected) {
        return options.stream().map(o -> Map.<String, Object>of("id", o.id(), "text", o.text(), "selected", selected.test(o.id())))
                .toList();
    }

    /**
     * What the learner answered, in words, for the result page; empty for no answer, and
     * for a type the templates do not know (its controls show the answer instead).
     */
    private static List<String> given(Presented question, JsonNode value) {
        List<String> words = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return words;
        }
        switch (question.type()) {
            case "single" -> words.add(text(question.choices(), value.asText()));
            case "multiple" -> value.forEach(id -> words.add(text(question.choices(), id.asText())));
            case "truefalse" -> words.add(value.asBoolean() ? "True" : "False");
            case "numeric", "text" -> words.add(value.asText());
            case "ordering" -> value.forEach(id -> words.add(text(question.items(), id.asText())));
            case "matching" -> question.left().forEach(left -> {
                if (value.hasNonNull(left.id())) {
                    words.add(left.text() + " → " + text(question.right(), value.get(left.id()).asText()));
                }
            });
            default -> {
                // shown by its type's controls
            }
        }
        return words;
    }

    private static String text(List<Option> options, String id) {
        return options.stream().filter(o -> o.id().equals(id)).map(Option::text).findFirst().orElse(id);
    }
}
