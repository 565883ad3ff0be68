package com.acme.quiz.cloze.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.QuestionProblem;

/**
 * A cloze question read from its definition. It holds the accepted answers, so it stays
 * on the server.
 *
 * @param prompt   the vendor's instruction, such as "Fill in the blanks."
 * @param text     the text with its blanks
 * @param partial  whether each right blank earns its share of the points
 * @param feedback the vendor's feedback, shown with the grade of any answer given; or {@code null}
 */
record ClozeQuestion(String id, String prompt, double points, ClozeText text, boolean partial, String feedback)
        implements PreparedQuestion {

    /** The fields a cloze question may have: those of every question, then its own. */
    static final List<String> FIELDS = List.of("id", "type", "prompt", "points", ClozeText.FIELD, "partial", "feedback");

    @Override
    public String type() {
        return ClozeQuestionType.ID;
    }

    /**
     * Reads a definition as the content model gives it. The content extender leaves the
     * checking of a plugin type's fields to the type, so every field is checked here,
     * unknown ones included.
     */
    static Preparation read(Map<String, Object> definition) {
        Map<String, Object> fields = definition == null ? Map.of() : definition;
        List<QuestionProblem> problems = new ArrayList<>();
        fields.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted().forEach(key -> problems.add(new QuestionProblem(key,
                "unknown field '" + key + "'; a cloze question has " + String.join(", ", FIELDS))));
        Object type = fields.get("type");
        if (type != null && !ClozeQuestionType.ID.equals(type)) {
            problems.add(new QuestionProblem("type", "'type' is '" + type + "', but this question type is '"
                    + ClozeQuestionType.ID + "'"));
        }
        String id = text(fields, "id", true, problems);
        String prompt = text(fields, "prompt", true, problems);
        double points = points(fields, problems);
        Object partial = fields.get("partial");
        if (partial != null && !(partial instanceof Boolean)) {
            problems.add(new QuestionProblem("partial", "'partial' must be true or false, not " + describe(partial)));
        }
        String feedback = text(fields, "feedback", false, problems);
        String written = text(fields, ClozeText.FIELD, true, problems);
        ClozeText text = written == null ? null : ClozeText.parse(written, problems);
        if (!problems.isEmpty()) {
            return Preparation.refused(problems);
        }
        return Preparation.of(new ClozeQuestion(id, prompt.strip(), points, text, Boolean.TRUE.equals(partial),
                feedback == null || feedback.isBlank() ? null : feedback.strip()));
    }

    private static String text(Map<String, Object> fields, String key, boolean required, List<QuestionProblem> problems) {
        Object value = fields.get(key);
        if (value == null) {
            if (required) {
                problems.add(new QuestionProblem(key, "'" + key + "' is required"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(new QuestionProblem(key, "'" + key + "' must be text, not " + describe(value)
                    + (value instanceof List<?> ? " (in YAML, quote a text that starts with '[[')" : "")));
            return null;
        }
        if (required && text.isBlank()) {
            problems.add(new QuestionProblem(key, "'" + key + "' must not be empty"));
            return null;
        }
        return text;
    }

    /** The points, 1 when absent. */
    private static double points(Map<String, Object> fields, List<QuestionProblem> problems) {
        Object value = fields.get("points");
        if (value == null) {
            return 1;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            problems.add(new QuestionProblem("points", "'points' must be a finite number, not " + describe(value)));
            return 1;
        }
        if (number.doubleValue() < 0) {
            problems.add(new QuestionProblem("points", "'points' must be 0 or more, not " + value));
            return 1;
        }
        return number.doubleValue();
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the text '" + text + "'";
        }
        return value instanceof List<?> ? "a list" : value instanceof Map<?, ?> ? "a mapping" : String.valueOf(value);
    }
}
