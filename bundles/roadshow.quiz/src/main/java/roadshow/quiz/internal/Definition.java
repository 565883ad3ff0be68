package roadshow.quiz.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import roadshow.quiz.api.QuestionProblem;

/**
 * Reads the fields of a question's definition, or of a mapping inside it, and collects a
 * problem for each field that is missing or of the wrong kind. The content extender has
 * already checked what it reads; this checks again because a definition may come from
 * elsewhere (a test, a newer format) and a question type must not trust its input.
 * Fields it is not asked about are ignored: which fields a question may have is the
 * content format's rule, enforced where the file is read.
 */
final class Definition {

    private final Map<?, ?> fields;
    private final String path;
    private final List<QuestionProblem> problems;

    private Definition(Map<?, ?> fields, String path, List<QuestionProblem> problems) {
        this.fields = fields;
        this.path = path;
        this.problems = problems;
    }

    static Definition of(Map<String, Object> definition) {
        return new Definition(definition == null ? Map.of() : definition, "", new ArrayList<>());
    }

    /** The fields every question has. */
    record Header(String id, String prompt, double points) {
    }

    /** Reads id, prompt and points (1 when absent), and checks that {@code type} is {@code typeId}. */
    Header header(String typeId) {
        String id = requiredText("id");
        String prompt = requiredText("prompt");
        Object type = fields.get("type");
        if (type != null && !typeId.equals(type)) {
            problem("type", "'type' is '" + type + "', but this question type is '" + typeId + "'");
        }
        BigDecimal points = number("points");
        if (points != null && points.signum() < 0) {
            problem("points", "'points' must be 0 or more, not " + points.toPlainString());
        }
        return new Header(id, prompt, points == null || points.signum() < 0 ? 1 : points.doubleValue());
    }

    String requiredText(String key) {
        Object value = fields.get(key);
        if (value == null) {
            missing(key);
            return null;
        }
        return text(key);
    }

    /** A text field, {@code null} when absent. */
    String text(String key) {
        Object value = fields.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problem(key, "'" + field(key) + "' must be text, not " + describe(value));
        return null;
    }

    Boolean requiredBool(String key) {
        Object value = fields.get(key);
        if (value == null) {
            missing(key);
            return null;
        }
        return bool(key);
    }

    /** A true/false field, {@code null} when absent. */
    Boolean bool(String key) {
        Object value = fields.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        problem(key, "'" + field(key) + "' must be true or false, not " + describe(value));
        return null;
    }

    BigDecimal requiredNumber(String key) {
        if (fields.get(key) == null) {
            missing(key);
            return null;
        }
        return number(key);
    }

    /** A finite number, exactly as written, {@code null} when absent. */
    BigDecimal number(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        BigDecimal number = null;
        if (value instanceof BigDecimal d) {
            number = d;
        } else if (value instanceof BigInteger i) {
            number = new BigDecimal(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            // valueOf, not new BigDecimal(double): 7.6 is read as 7.6, not as its binary approximation
            number = BigDecimal.valueOf(n.doubleValue());
        }
        if (number == null) {
            problem(key, "'" + field(key) + "' must be a finite number, not " + describe(value));
        }
        return number;
    }

    /** A list field that must be present. */
    List<?> requiredList(String key) {
        Object value = fields.get(key);
        if (value == null) {
            missing(key);
            return null;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "'" + field(key) + "' must be a list, not " + describe(value));
            return null;
        }
        return list;
    }

    /** A list of texts that must be present, with at least {@code minimum} of them (see {@link #atLeast}). */
    List<String> requiredTexts(String key, int minimum, String what) {
        List<?> list = requiredList(key);
        if (list == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                texts.add(text);
            } else {
                problem(key + "[" + i + "]", "'" + field(key + "[" + i + "]") + "' must be text, not " + describe(list.get(i)));
            }
        }
        atLeast(key, list, minimum, what);
        return texts.size() == list.size() ? texts : null;
    }

    /** Reports a list that holds fewer than {@code minimum} entries; {@code what} has {@code %s} where a plural takes its s. */
    void atLeast(String key, List<?> list, int minimum, String what) {
        if (list.size() < minimum) {
            problem(key, "'" + field(key) + "' needs at least " + minimum + " " + what.formatted(minimum == 1 ? "" : "s")
                    + ", not " + list.size());
        }
    }

    /** The mapping at {@code key[index]}, read with the same problems; {@code null} when it is not one. */
    Definition entry(String key, int index, Object value) {
        String at = key + "[" + index + "]";
        if (value instanceof Map<?, ?> map) {
            return new Definition(map, path + at + ".", problems);
        }
        problem(at, "'" + field(at) + "' must be a mapping of fields, not " + describe(value));
        return null;
    }

    void problem(String key, String message) {
        problems.add(new QuestionProblem(field(key), message));
    }

    List<QuestionProblem> problems() {
        return List.copyOf(problems);
    }

    private void missing(String key) {
        problem(key, "'" + field(key) + "' is required");
    }

    private String field(String key) {
        return path + key;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the text '" + s + "'";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return String.valueOf(value);
    }
}
