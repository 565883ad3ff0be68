package roadshow.content.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of one YAML mapping in a content file, read with their types checked.
 * Every getter reports what is wrong with the field it reads (wrong type, bad value)
 * and returns {@code null} then, so a reader goes on and finds the next problem.
 * Fields nobody asks for are refused up front: a typo such as {@code titel} would
 * otherwise pass silently and lose the vendor's title.
 */
final class YamlFields {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final YamlNode.Mapping mapping;
    private final int line;
    private final String file;
    private final Problems problems;

    private YamlFields(YamlNode.Mapping mapping, int line, String file, Problems problems) {
        this.mapping = mapping;
        this.line = line;
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping that may hold only the {@code known} fields.
     * When it is something else, that is reported once and the fields read as absent
     * without further complaint.
     *
     * @param what how a vendor names the mapping, for messages: "a lesson", "the quiz"
     */
    static YamlFields of(YamlNode node, String what, String file, Problems problems, Collection<String> known) {
        if (!(node instanceof YamlNode.Mapping written)) {
            problems.add(file, node.line(), Rule.FIELD_TYPE,
                    what + " must be a mapping of fields (such as 'id: ...'), not " + describe(node));
            return new YamlFields(null, node.line(), file, problems);
        }
        // a field written without a value after a text, {text: Foo, correct: }, is the field
        YamlNode.Mapping mapping = written.separating(known, file, problems);
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.add(file, entry.line(), Rule.FIELD_UNKNOWN, unknown(entry.key(), known));
            }
        }
        return new YamlFields(mapping, mapping.line(), file, problems);
    }

    String file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    /** The line the mapping starts on. */
    int line() {
        return line;
    }

    /** The line of a field's key, or of the mapping when the field is absent. */
    int line(String key) {
        YamlNode.Entry entry = entry(key);
        return entry == null ? line : entry.line();
    }

    /** Whether the field is there with a value; {@code key:} with nothing after it counts as absent. */
    boolean has(String key) {
        return node(key) != null;
    }

    YamlNode node(String key) {
        YamlNode.Entry entry = entry(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.value() == null) {
            return null;
        }
        return entry.value();
    }

    /**
     * Text as written: numbers and booleans count as the text they are written as, so
     * {@code no} stays {@code no} and {@code 1.10} stays {@code 1.10}.
     */
    String text(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        return text(node, "'" + key + "'", line(key));
    }

    String requiredText(String key) {
        if (!require(key)) {
            return null;
        }
        String text = text(key);
        if (text != null && text.isBlank()) {
            problems.add(file, line(key), Rule.FIELD_MISSING, "'" + key + "' must not be empty");
            return null;
        }
        return text;
    }

    /** A required id, such as a lesson's; ids are {@code [a-z0-9][a-z0-9-]{0,63}}. */
    String id(String key) {
        String id = requiredText(key);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(file, line(key), Rule.ID_INVALID, invalidId(id));
            return null;
        }
        return id;
    }

    Boolean bool(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(file, line(key), Rule.FIELD_TYPE, "'" + key + "' must be true or false, not " + describe(node));
        return null;
    }

    boolean bool(String key, boolean absent) {
        Boolean value = bool(key);
        return value == null ? absent : value;
    }

    Boolean requiredBool(String key) {
        return require(key) ? bool(key) : null;
    }

    /** A finite number. */
    Double number(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Scalar s && s.value() instanceof Number n)) {
            problems.add(file, line(key), Rule.FIELD_TYPE, "'" + key + "' must be a number, not " + describe(node));
            return null;
        }
        double value = n.doubleValue();
        if (!Double.isFinite(value)) {
            problems.add(file, line(key), Rule.VALUE_RANGE, "'" + key + "' must be a finite number, not " + s.text());
            return null;
        }
        return value;
    }

    /**
     * A field's value as YAML typed it (a String, Boolean, Long, BigInteger or Double),
     * without checking or reporting anything; {@code null} when absent or not a single value.
     */
    Object scalar(String key) {
        return node(key) instanceof YamlNode.Scalar s ? s.value() : null;
    }

    Double requiredNumber(String key) {
        return require(key) ? number(key) : null;
    }

    /** A whole number that is at least {@code min}. */
    Integer wholeNumber(String key, int min) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Scalar s && (s.value() instanceof Long || s.value() instanceof BigInteger))) {
            problems.add(file, line(key), Rule.FIELD_TYPE, "'" + key + "' must be a whole number, not " + describe(node));
            return null;
        }
        if (s.value() instanceof BigInteger || (Long) s.value() > Integer.MAX_VALUE || (Long) s.value() < min) {
            problems.add(file, line(key), Rule.VALUE_RANGE,
                    "'" + key + "' must be " + (min == 0 ? "0 or more" : "at least " + min) + ", not " + s.text());
            return null;
        }
        return ((Long) s.value()).intValue();
    }

    Integer requiredWholeNumber(String key, int min) {
        return require(key) ? wholeNumber(key, min) : null;
    }

    /** A positive ISO 8601 duration such as {@code PT45M}. */
    Duration duration(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the same advice as a duration of zero
        }
        problems.add(file, line(key), Rule.DURATION_INVALID, "'" + key
                + "' must be a positive ISO 8601 duration such as PT45M or PT1H30M, not '" + text + "'");
        return null;
    }

    /** A positive ISO 8601 period such as {@code P1Y}. */
    Period period(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            Period period = Period.parse(text);
            if (period.getYears() >= 0 && period.getMonths() >= 0 && period.getDays() >= 0 && !period.isZero()) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the same advice as a period of zero
        }
        problems.add(file, line(key), Rule.PERIOD_INVALID,
                "'" + key + "' must be a positive ISO 8601 period such as P1Y, P18M or P90D, not '" + text + "'");
        return null;
    }

    /** A list, or {@code null} when absent or not a list. */
    List<YamlNode> list(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problems.add(file, line(key), Rule.FIELD_TYPE, "'" + key + "' must be a list, not " + describe(node));
        return null;
    }

    /** A list that must hold at least one item. */
    List<YamlNode> requiredList(String key) {
        if (!require(key)) {
            return null;
        }
        List<YamlNode> items = list(key);
        if (items != null && items.isEmpty()) {
            problems.add(file, line(key), Rule.FIELD_MISSING, "'" + key + "' must not be empty");
            return null;
        }
        return items;
    }

    /** A list of texts, each paired with its line; {@code null} when absent or not a list. */
    List<Text> texts(String key) {
        List<YamlNode> items = list(key);
        if (items == null) {
            return null;
        }
        List<Text> texts = new ArrayList<>();
        for (YamlNode item : items) {
            String text = text(item, "each item of '" + key + "'", item.line());
            if (text != null && text.isBlank()) {
                problems.add(file, item.line(), Rule.FIELD_MISSING, "'" + key + "' holds an empty item");
            } else if (text != null) {
                texts.add(new Text(text, item.line()));
            }
        }
        return texts;
    }

    /** A nested mapping that may hold only the {@code known} fields, or {@code null} when absent. */
    YamlFields mapping(String key, Collection<String> known) {
        YamlNode node = node(key);
        return node == null ? null : of(node, "'" + key + "'", file, problems, known);
    }

    /** A text as written in the file, with its line. */
    record Text(String value, int line) {
    }

    private YamlNode.Entry entry(String key) {
        return mapping == null ? null : mapping.entries().get(key);
    }

    /**
     * Whether a required field is there; when it is absent, that is reported, unless the
     * mapping itself was already refused.
     */
    boolean require(String key) {
        if (has(key)) {
            return true;
        }
        if (mapping != null) {
            problems.add(file, line(key), Rule.FIELD_MISSING, "required field '" + key + "' is missing");
        }
        return false;
    }

    private String text(YamlNode node, String what, int line) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return s.value() instanceof String string ? string : s.text();
        }
        problems.add(file, line, Rule.FIELD_TYPE, what + " must be text, not " + describe(node));
        return null;
    }

    static String invalidId(String id) {
        return "'" + id + "' is not a valid id: use 1 to 64 lower-case letters, digits and '-', starting with a letter or digit";
    }

    private static String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return node.kind() + " (" + s.text() + ")";
        }
        return node.kind();
    }

    private static String unknown(String key, Collection<String> known) {
        String closest = closest(key, known);
        if (closest != null) {
            return "unknown field '" + key + "' (did you mean '" + closest + "'?)";
        }
        return "unknown field '" + key + "'; the fields here are " + String.join(", ", known);
    }

    /** The known name a typo most likely meant: same letters in another case, or at most two edits away. */
    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = candidate.equalsIgnoreCase(name) ? 0
                    : editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
