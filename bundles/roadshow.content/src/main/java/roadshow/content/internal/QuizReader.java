package roadshow.content.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import roadshow.content.api.Question;
import roadshow.content.api.Quiz;

/**
 * Reads a quiz, {@code quizzes/<id>.yaml}, and the questions of its pool. A question of a
 * type that is not built in is accepted only when the bundle's manifest requires that type
 * ({@code Require-Capability: roadshow.question.type;filter:="(roadshow.question.type=<id>)"}),
 * so that the framework resolves the bundle only where a code bundle provides the type. Its
 * fields are kept as written, and the type checks them when a learner starts the quiz.
 */
final class QuizReader {

    private static final List<String> QUIZ_FIELDS = List.of(
            "id", "title", "passScore", "timeLimit", "maxAttempts", "draw", "shuffle", "questions");
    private static final List<String> QUESTION_FIELDS = List.of("id", "type", "points", "prompt");
    private static final List<String> CHOICE_FIELDS = List.of("id", "text", "correct", "feedback");
    private static final List<String> PAIR_FIELDS = List.of("left", "right");

    /** The question types of the format, each with the fields it adds to every question's. */
    private enum QuestionType {
        SINGLE("single", "choices"),
        MULTIPLE("multiple", "choices", "partial"),
        TRUEFALSE("truefalse", "answer"),
        NUMERIC("numeric", "answer", "tolerance"),
        TEXT("text", "answers"),
        ORDERING("ordering", "items"),
        MATCHING("matching", "pairs");

        private final String id;
        private final List<String> fields;

        QuestionType(String id, String... fields) {
            this.id = id;
            this.fields = Stream.concat(QUESTION_FIELDS.stream(), Arrays.stream(fields)).toList();
        }

        static QuestionType of(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElse(null);
        }

        static List<String> ids() {
            return Arrays.stream(values()).map(t -> t.id).toList();
        }
    }

    private final ContentFolder content;
    private final String vendor;
    /** The question types the manifest requires: types a code bundle adds. */
    private final Set<String> requiredTypes;

    QuizReader(ContentFolder content, String vendor, Set<String> requiredTypes) {
        this.content = content;
        this.vendor = vendor;
        this.requiredTypes = Set.copyOf(requiredTypes);
    }

    /** Whether the format has this question type built in, so that no bundle provides it. */
    static boolean builtIn(String typeId) {
        return QuestionType.of(typeId) != null;
    }

    /**
     * Reads {@code quizzes/<name>.yaml}.
     *
     * @param name the file name without {@code .yaml}, which is the quiz id
     * @return the quiz, or {@code null} when it is not usable (reported)
     */
    Quiz read(String name) {
        String path = ContentReader.QUIZZES + name + ".yaml";
        String file = content.bundlePath(path);
        Problems problems = content.problems();
        if (!YamlFields.ID.matcher(name).matches()) {
            problems.add(file, null, Rule.ID_INVALID, "the quiz file name " + YamlFields.invalidId(name)
                    + "; the file name is the quiz id");
            return null;
        }
        YamlNode root = content.yaml(path);
        if (root == null) {
            return null;
        }
        YamlFields fields = YamlFields.of(root, "a quiz", file, problems, QUIZ_FIELDS);
        String id = fields.id("id");
        if (id != null && !id.equals(name)) {
            problems.add(file, fields.line("id"), Rule.ID_MISMATCH,
                    "the quiz id '" + id + "' must equal its file name, '" + name + ".yaml'");
        }
        String title = fields.requiredText("title");
        Double passScore = fields.requiredNumber("passScore");
        if (passScore != null && (passScore < 0 || passScore > 1)) {
            problems.add(file, fields.line("passScore"), Rule.VALUE_RANGE,
                    "'passScore' is the fraction of the points needed to pass, from 0 to 1 (0.8 for 80%), not " + passScore);
        }
        Duration timeLimit = fields.duration("timeLimit");
        Integer maxAttempts = fields.wholeNumber("maxAttempts", 0);
        Integer draw = fields.wholeNumber("draw", 0);
        boolean shuffle = fields.bool("shuffle", false);

        List<Question> questions = new ArrayList<>();
        List<YamlNode> items = fields.requiredList("questions");
        UniqueIds ids = new UniqueIds("question id", file, problems);
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            Question question = question(item, file, ids);
            if (question != null) {
                questions.add(question);
            }
        }
        if (draw != null && items != null && draw > items.size()) {
            problems.add(file, fields.line("draw"), Rule.QUIZ_DRAW, "'draw' asks for " + draw
                    + " questions but the pool holds only " + items.size());
        }
        return new Quiz(name, vendor, title, passScore == null ? 0 : passScore, timeLimit,
                maxAttempts == null ? 0 : maxAttempts, draw == null ? 0 : draw, shuffle, questions);
    }

    /**
     * Reads a question and keeps its definition as written: every text field of a built-in
     * type holds the text as the vendor wrote it (YAML would read {@code answers: [no]} as
     * false and {@code 1.10} as 1.1), numbers and true/false stay what they are. The fields
     * of a required type, whose kinds only that type knows, are kept as YAML reads them.
     */
    private Question question(YamlNode node, String file, UniqueIds ids) {
        Problems problems = content.problems();
        QuestionType type = null;
        String typeId = null;
        Set<String> written = node instanceof YamlNode.Mapping mapping ? mapping.entries().keySet() : Set.of();
        if (node instanceof YamlNode.Mapping mapping && mapping.entries().get("type") != null
                && mapping.entries().get("type").value() instanceof YamlNode.Scalar s && s.value() != null) {
            typeId = s.text();
            type = QuestionType.of(typeId);
        }
        boolean required = type == null && typeId != null && requiredTypes.contains(typeId);
        // which fields a type that is not built in has only that type knows; without a known type, the type is what to fix
        List<String> known = type != null ? type.fields : Stream.concat(QUESTION_FIELDS.stream(), written.stream()).distinct().toList();
        YamlFields fields = YamlFields.of(node, "a question", file, problems, known);
        Map<String, Object> definition = new LinkedHashMap<>();
        String id = fields.id("id");
        if (id != null) {
            ids.add(id, fields.line("id"));
        }
        put(definition, "id", id);
        String prompt = fields.requiredText("prompt");
        put(definition, "prompt", prompt);
        Double points = fields.number("points");
        if (points != null && points < 0) {
            problems.add(file, fields.line("points"), Rule.VALUE_RANGE, "'points' must be 0 or more, not " + points);
        }
        put(definition, "points", points == null ? null : fields.scalar("points"));
        if (typeId == null) {
            fields.requiredText("type");
            return null;
        }
        if (type == null && !required) {
            String closest = YamlFields.closest(typeId, QuestionType.ids());
            problems.add(file, fields.line("type"), Rule.QUESTION_TYPE_UNKNOWN, "unknown question type '" + typeId + "'"
                    + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                    + "; the types are " + String.join(", ", QuestionType.ids())
                    + ", and those that code bundles add: to use one, require it in the manifest with "
                    + "Require-Capability: " + BundleManifest.QUESTION_TYPE_NAMESPACE + ";filter:=\"("
                    + BundleManifest.QUESTION_TYPE_NAMESPACE + "=" + typeId + ")\"");
            return null;
        }
        put(definition, "type", fields.text("type"));
        if (type == null) {
            for (String key : written) {
                if (!QUESTION_FIELDS.contains(key) && fields.node(key) != null) {
                    put(definition, key, fields.node(key).plain());
                }
            }
            return new Question(id, typeId, points == null ? 1 : points, prompt, definition);
        }
        switch (type) {
            case SINGLE -> put(definition, "choices", choices(fields, type));
            case MULTIPLE -> {
                put(definition, "partial", fields.bool("partial"));
                put(definition, "choices", choices(fields, type));
            }
            case TRUEFALSE -> put(definition, "answer", fields.requiredBool("answer"));
            case NUMERIC -> {
                put(definition, "answer", fields.requiredNumber("answer") == null ? null : fields.scalar("answer"));
                Double tolerance = fields.number("tolerance");
                if (tolerance != null && tolerance < 0) {
                    problems.add(file, fields.line("tolerance"), Rule.VALUE_RANGE,
                            "'tolerance' must be 0 or more, not " + tolerance);
                }
                put(definition, "tolerance", tolerance == null ? null : fields.scalar("tolerance"));
            }
            case TEXT -> put(definition, "answers", values(atLeast(fields, "answers", fields.texts("answers"), 1,
                    "accepted answer")));
            case ORDERING -> put(definition, "items", values(atLeast(fields, "items", fields.texts("items"), 2,
                    "item to put in order")));
            case MATCHING -> put(definition, "pairs", pairs(fields));
        }
        return new Question(id, type.id, points == null ? 1 : points, prompt, definition);
    }

    /** The choices as written, each a map of its fields. */
    private List<Map<String, Object>> choices(YamlFields question, QuestionType type) {
        List<YamlNode> items = question.requiredList("choices");
        if (items == null) {
            return null;
        }
        Problems problems = question.problems();
        UniqueIds ids = new UniqueIds("choice id", question.file(), problems);
        List<Map<String, Object>> choices = new ArrayList<>();
        int correct = 0;
        for (YamlNode item : items) {
            YamlFields choice = YamlFields.of(item, "a choice", question.file(), problems, CHOICE_FIELDS);
            Map<String, Object> written = new LinkedHashMap<>();
            String id = choice.id("id");
            if (id != null) {
                ids.add(id, choice.line("id"));
            }
            put(written, "id", id);
            put(written, "text", choice.requiredText("text"));
            Boolean isCorrect = choice.bool("correct");
            if (Boolean.TRUE.equals(isCorrect)) {
                correct++;
            }
            put(written, "correct", isCorrect);
            put(written, "feedback", choice.text("feedback"));
            choices.add(written);
        }
        if (type == QuestionType.SINGLE && correct != 1) {
            problems.add(question.file(), question.line("choices"), Rule.QUESTION_CORRECT,
                    "a single-choice question needs exactly one choice with 'correct: true'; this one has " + correct);
        } else if (type == QuestionType.MULTIPLE && correct == 0) {
            problems.add(question.file(), question.line("choices"), Rule.QUESTION_CORRECT,
                    "a multiple-choice question needs at least one choice with 'correct: true'");
        }
        return choices;
    }

    /** The pairs as written, each a map of left and right. */
    private List<Map<String, Object>> pairs(YamlFields question) {
        List<YamlNode> items = question.requiredList("pairs");
        if (items == null) {
            return null;
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (YamlNode item : items) {
            YamlFields pair = YamlFields.of(item, "a pair", question.file(), question.problems(), PAIR_FIELDS);
            Map<String, Object> written = new LinkedHashMap<>();
            put(written, "left", pair.requiredText("left"));
            put(written, "right", pair.requiredText("right"));
            pairs.add(written);
        }
        atLeast(question, "pairs", items, 2, "pair to match");
        return pairs;
    }

    /** Puts a value that was read; one that is absent or broke a rule (reported) is left out. */
    private static void put(Map<String, Object> definition, String key, Object value) {
        if (value != null) {
            definition.put(key, value);
        }
    }

    /** The texts as written, or {@code null} when there are none to keep. */
    private static List<String> values(List<YamlFields.Text> texts) {
        return texts == null ? null : texts.stream().map(YamlFields.Text::value).toList();
    }

    /** Checks that a list holds enough items, and returns it. */
    private static <T> List<T> atLeast(YamlFields question, String key, List<T> items, int minimum, String what) {
        if (items == null) {
            question.require(key);
            return null;
        }
        if (items.size() < minimum) {
            question.problems().add(question.file(), question.line(key), Rule.QUESTION_TOO_FEW, "'" + key + "' needs at least "
                    + minimum + " " + what + (minimum == 1 ? "" : "s") + ", not " + items.size());
        }
        return items;
    }
}
