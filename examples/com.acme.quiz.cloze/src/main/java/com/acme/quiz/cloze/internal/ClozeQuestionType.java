package com.acme.quiz.cloze.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * {@code type: cloze}: the learner fills in the blanks of a text. The question's
 * {@code text} writes each blank as {@code [[answer]]} or {@code [[answer|alternative]]};
 * a blank is right when what was typed equals one of its answers regardless of case and
 * whitespace. Only every blank right is right, unless {@code partial: true} gives each
 * right blank its share of the points.
 *
 * <p>The learner is shown the prompt, a blank line, then the text with each blank as a
 * numbered gap ({@code [1]}, {@code [2]}, ...); {@code items} lists the blanks as
 * {@code {id: b1, text: "[1]"}}. An answer is {@code {"blanks": {"b1": "...", ...}}};
 * one that leaves blanks out is well formed, and they count as wrong.
 *
 * <p>The capability is what a content bundle with cloze questions requires, so that the
 * framework resolves it only where this type is installed.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + ClozeQuestionType.ID)
@Capability(namespace = ClozeQuestionType.NAMESPACE, name = ClozeQuestionType.ID, version = "1.0.0")
public class ClozeQuestionType implements QuestionType {

    static final String ID = "cloze";
    /** The capability namespace in which content bundles require a question type. */
    static final String NAMESPACE = "roadshow.question.type";
    /** The one field of an answer body. */
    static final String BLANKS = "blanks";
    private static final String SHAPE = "{\"blanks\": {\"b1\": \"<text>\", ...}}";
    /** Between the prompt and the text in what the learner is shown; the text itself never holds it. */
    private static final String BEFORE_TEXT = "\n\n";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Preparation prepare(Map<String, Object> definition) {
        return ClozeQuestion.read(definition);
    }

    @Override
    public Presented present(PreparedQuestion question, boolean shuffle, RandomGenerator random) {
        // the blanks stay in the order of the text, whatever the quiz's shuffle
        ClozeQuestion cloze = cast(question);
        List<Option> blanks = cloze.text().blanks().stream().map(blank -> new Option(blank.id(), blank.gap())).toList();
        return new Presented(cloze.id(), ID, cloze.prompt() + BEFORE_TEXT + cloze.text().withGaps(), cloze.points(), null,
                blanks, null, null);
    }

    @Override
    public List<String> checkAnswer(PreparedQuestion question, JsonNode answer) {
        ClozeQuestion cloze = cast(question);
        if (answer == null || !answer.isObject() || answer.size() != 1 || !answer.has(BLANKS)) {
            return List.of("an answer to a cloze question is " + SHAPE + ", not " + describe(answer));
        }
        JsonNode typed = answer.get(BLANKS);
        if (!typed.isObject()) {
            return List.of("'blanks' must map blank ids to the text typed in each, not " + describe(typed));
        }
        List<String> ids = cloze.text().blanks().stream().map(ClozeText.Blank::id).toList();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> blank : typed.properties()) {
            if (!ids.contains(blank.getKey())) {
                problems.add("'blanks' holds '" + blank.getKey() + "', which is not one of this question's blanks ("
                        + String.join(", ", ids) + ")");
            } else if (!blank.getValue().isTextual()) {
                problems.add("'blanks' must give what was typed in '" + blank.getKey() + "' as a string, not "
                        + describe(blank.getValue()));
            }
        }
        return problems;
    }

    @Override
    public Grade grade(PreparedQuestion question, JsonNode answer) {
        ClozeQuestion cloze = cast(question);
        if (answer == null || answer.isNull() || !checkAnswer(cloze, answer).isEmpty()) {
            return Grade.wrong(cloze.points(), List.of());
        }
        JsonNode typed = answer.get(BLANKS);
        List<ClozeText.Blank> blanks = cloze.text().blanks();
        long right = blanks.stream().filter(blank -> typed.hasNonNull(blank.id()) && blank.accepts(typed.get(blank.id()).textValue()))
                .count();
        List<String> feedback = cloze.feedback() == null ? List.of() : List.of(cloze.feedback());
        if (right == blanks.size()) {
            return Grade.right(cloze.points(), feedback);
        }
        if (!cloze.partial() || right == 0) {
            return Grade.wrong(cloze.points(), feedback);
        }
        return new Grade(cloze.points() * right / blanks.size(), cloze.points(), false, feedback);
    }

    /** The prompt without the text, which {@link #controls} shows with its fields. */
    @Override
    public String heading(Presented question) {
        int textStart = question.prompt().lastIndexOf(BEFORE_TEXT);
        return textStart < 0 ? question.prompt() : question.prompt().substring(0, textStart);
    }

    /**
     * The text with a text field in each blank, in one paragraph. Drawn from what the
     * attempt shows, so it knows no answer; every field is as wide as the others, so its
     * width tells nothing either.
     */
    @Override
    public Optional<String> controls(Presented question, JsonNode answer, String name) {
        JsonNode typed = answer == null ? null : answer.get(BLANKS);
        String prompt = question.prompt();
        int textStart = prompt.lastIndexOf(BEFORE_TEXT);
        String text = textStart < 0 ? prompt : prompt.substring(textStart + BEFORE_TEXT.length());
        StringBuilder html = new StringBuilder("<p class=\"cloze\">");
        int from = 0;
        List<Integer> unplaced = new ArrayList<>();
        List<Option> blanks = question.items();
        for (int i = 0; i < blanks.size(); i++) {
            Option blank = blanks.get(i);
            int gap = unplaced.isEmpty() ? text.indexOf(blank.text(), from) : -1;
            if (gap < 0) {
                unplaced.add(i);
                continue;
            }
            html.append(Html.escape(text.substring(from, gap)));
            input(html, i + 1, blank, typed, name);
            from = gap + blank.text().length();
        }
        html.append(Html.escape(text.substring(from))).append("</p>");
        // a gap not found as this type shows it (in an attempt started before an update, say) gets a field of its own
        for (int i : unplaced) {
            html.append("<p class=\"cloze\"><label>").append(Html.escape(blanks.get(i).text())).append(' ');
            input(html, i + 1, blanks.get(i), typed, name);
            html.append("</label></p>");
        }
        return Optional.of(html.toString());
    }

    private static void input(StringBuilder html, int number, Option blank, JsonNode typed, String name) {
        JsonNode value = typed == null ? null : typed.get(blank.id());
        html.append("<input type=\"text\" name=\"").append(Html.escape(name + "." + blank.id()))
                .append("\" value=\"").append(value != null && value.isTextual() ? Html.escape(value.textValue()) : "")
                .append("\" aria-label=\"Blank ").append(number).append("\" size=\"14\"")
                .append(" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">");
    }

    /** Each blank's field, under its id; a field sent empty is an answer too, replacing what was saved. */
    @Override
    public JsonNode readForm(Presented question, Map<String, List<String>> fields) {
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        for (Option blank : question.items()) {
            List<String> values = fields.get(blank.id());
            if (values != null && !values.isEmpty() && values.get(0) != null) {
                typed.put(blank.id(), values.get(0).strip());
            }
        }
        return typed.isEmpty() ? null : JsonNodeFactory.instance.objectNode().set(BLANKS, typed);
    }

    private static ClozeQuestion cast(PreparedQuestion question) {
        if (question instanceof ClozeQuestion cloze) {
            return cloze;
        }
        throw new IllegalArgumentException("the cloze question type cannot handle a question it did not prepare: "
                + (question == null ? null : question.type() + " question " + question.id()));
    }

    /** A value as the learner's client sent it, kept short. */
    private static String describe(JsonNode value) {
        String json = value == null || value.isMissingNode() ? "nothing" : value.toString();
        return json.length() > 60 ? json.substring(0, 57) + "..." : json;
    }
}
