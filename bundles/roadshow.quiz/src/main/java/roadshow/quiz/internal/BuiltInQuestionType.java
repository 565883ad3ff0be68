package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * What the built-in question types share: reading the common fields, refusing a question
 * another type prepared, and grading only answers of the right shape.
 *
 * @param <Q> the type's prepared question
 */
abstract class BuiltInQuestionType<Q extends PreparedQuestion> implements QuestionType {

    private final String id;
    private final Class<Q> prepared;
    /** The one field of the answer body this type takes. */
    private final String field;
    /** The answer body this type takes, as the REST API documents it, for error messages. */
    private final String shape;

    BuiltInQuestionType(String id, Class<Q> prepared, String field, String shape) {
        this.id = id;
        this.prepared = prepared;
        this.field = field;
        this.shape = shape;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Preparation prepare(Map<String, Object> definition) {
        Definition fields = Definition.of(definition);
        Q question = read(fields, fields.header(id));
        return fields.problems().isEmpty() ? Preparation.of(question) : Preparation.refused(fields.problems());
    }

    @Override
    public final Presented present(PreparedQuestion question, boolean shuffle, RandomGenerator random) {
        return show(cast(question), shuffle, random);
    }

    @Override
    public final List<String> checkAnswer(PreparedQuestion question, JsonNode answer) {
        Q q = cast(question);
        List<String> problems = new ArrayList<>();
        if (answer == null || !answer.isObject() || answer.size() != 1 || !answer.has(field)) {
            problems.add("an answer to a " + id + " question is " + shape + ", not " + describe(answer));
            return problems;
        }
        check(q, answer.get(field), problems);
        return problems;
    }

    @Override
    public final Grade grade(PreparedQuestion question, JsonNode answer) {
        Q q = cast(question);
        if (answer == null || answer.isNull() || !checkAnswer(q, answer).isEmpty()) {
            return Grade.wrong(q.points(), List.of());
        }
        return score(q, answer.get(field));
    }

    @Override
    public final JsonNode readForm(Presented question, Map<String, List<String>> fields) {
        JsonNode value = formValue(question, fields);
        return value == null ? null : JsonNodeFactory.instance.objectNode().set(field, value);
    }

    /**
     * The value of the answer body's one field that the page's controls for the question
     * give (drawn by the quiz page's template for this type), or {@code null} when nothing
     * was answered; a value the learner typed wrong is passed on as text, for
     * {@link #checkAnswer} to refuse with its reason.
     */
    abstract JsonNode formValue(Presented question, Map<String, List<String>> fields);

    /** The first value of a form field, trimmed, or {@code null} when it is missing or blank. */
    static String formField(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    /** Reads the type's own fields; the result is not used when {@code fields} has problems. */
    abstract Q read(Definition fields, Definition.Header header);

    /** What the learner sees of the question. */
    abstract Presented show(Q question, boolean shuffle, RandomGenerator random);

    /** Checks the value of the answer body's one field, adding what is wrong with it. */
    abstract void check(Q question, JsonNode value, List<String> problems);

    /** Grades the value of a well-formed answer body's one field. */
    abstract Grade score(Q question, JsonNode value);

    private Q cast(PreparedQuestion question) {
        if (!prepared.isInstance(question)) {
            throw new IllegalArgumentException("the " + id + " question type cannot handle a question it did not prepare: "
                    + (question == null ? null : question.type() + " question " + question.id()));
        }
        return prepared.cast(question);
    }

    /** An answer value as a learner's client would recognise it, kept short. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String json = value.toString();
        return json.length() > 60 ? json.substring(0, 57) + "..." : json;
    }

    /** The texts of an array of strings, or {@code null} with a problem when it is not one. */
    static List<String> strings(JsonNode value, String field, List<String> problems) {
        if (!value.isArray()) {
            problems.add("'" + field + "' must be a list of ids, not " + describe(value));
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isTextual()) {
                problems.add("'" + field + "' must hold ids as strings, not " + describe(element));
                return null;
            }
            texts.add(element.textValue());
        }
        return texts;
    }
}
