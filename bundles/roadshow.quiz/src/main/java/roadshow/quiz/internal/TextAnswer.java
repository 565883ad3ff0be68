package roadshow.quiz.internal;

import java.text.Normalizer;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * {@code type: text}: the learner types an answer, which is right when it matches any of
 * {@code answers} regardless of case and whitespace. "Whitespace-insensitive" is taken as
 * the format says it, like case: spaces anywhere do not count, so {@code GNU / Linux}
 * matches {@code gnu/linux}. Unicode text is compared in its compatibility-composed form
 * (NFKC), so an accent typed as one character or as two matches either way.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + TextAnswer.ID)
public class TextAnswer extends BuiltInQuestionType<TextAnswer.Prepared> {

    static final String ID = "text";

    /**
     * @param answers the accepted answers as written
     * @param matched the same, as {@link #normalize} makes them
     */
    record Prepared(String id, String prompt, double points, List<String> answers, List<String> matched)
            implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public TextAnswer() {
        super(ID, Prepared.class, "text", "{\"text\": \"<answer>\"}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        List<String> answers = fields.requiredTexts("answers", 1, "accepted answer%s");
        List<String> matched = answers == null ? null : answers.stream().map(TextAnswer::normalize).toList();
        if (matched != null) {
            for (int i = 0; i < matched.size(); i++) {
                if (matched.get(i).isEmpty()) {
                    // it would accept an empty answer, which is surely not what the vendor meant
                    fields.problem("answers[" + i + "]", "'answers[" + i + "]' is blank");
                }
            }
        }
        return new Prepared(header.id(), header.prompt(), header.points(), answers, matched);
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        return Presented.prompt(question);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        List<String> values = fields.get("");
        // an emptied field is an answer too: it replaces what was saved before
        return values == null || values.isEmpty() ? null : JsonNodeFactory.instance.textNode(values.get(0).strip());
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        if (!value.isTextual()) {
            problems.add("'text' must be a string, not " + describe(value));
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        return question.matched().contains(normalize(value.textValue())) ? Grade.right(question.points(), List.of())
                : Grade.wrong(question.points(), List.of());
    }

    /** The text as compared: composed, without whitespace, case folded. */
    static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(composed.length());
        composed.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        // upper then lower folds what lower alone does not, such as ß and SS
        return kept.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
