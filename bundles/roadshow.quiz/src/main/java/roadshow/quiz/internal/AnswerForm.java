package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers an attempt page posts. Each question's controls are named {@code a.<question>}
 * or {@code a.<question>.<sub>}; question ids hold no dot, so the first dot after the
 * question id starts the sub-name.
 */
final class AnswerForm {

    private static final String PREFIX = "a.";

    private final Map<String, Map<String, List<String>>> byQuestion;

    private AnswerForm(Map<String, Map<String, List<String>>> byQuestion) {
        this.byQuestion = byQuestion;
    }

    /** The name of a question's control; its sub-controls add {@code "." + sub}. */
    static String name(String questionId) {
        return PREFIX + questionId;
    }

    static AnswerForm of(Map<String, String[]> parameters) {
        Map<String, Map<String, List<String>>> byQuestion = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
                return;
            }
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String question = dot < 0 ? rest : rest.substring(0, dot);
            String sub = dot < 0 ? "" : rest.substring(dot + 1);
            byQuestion.computeIfAbsent(question, q -> new HashMap<>()).put(sub, new ArrayList<>(List.of(values)));
        });
        return new AnswerForm(byQuestion);
    }

    /** The fields posted for one question, keyed as {@link roadshow.quiz.api.QuestionType#readForm} takes them. */
    Map<String, List<String>> fields(String questionId) {
        return byQuestion.getOrDefault(questionId, Map.of());
    }

    boolean has(String questionId) {
        return byQuestion.containsKey(questionId);
    }
}
