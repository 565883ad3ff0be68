package roadshow.quiz.internal;

import java.util.Map;
import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/** {@code type: truefalse}: a statement the learner says is true or false. */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + TrueFalse.ID)
public class TrueFalse extends BuiltInQuestionType<TrueFalse.Prepared> {

    static final String ID = "truefalse";

    record Prepared(String id, String prompt, double points, boolean answer) implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public TrueFalse() {
        super(ID, Prepared.class, "value", "{\"value\": true} or {\"value\": false}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        Boolean answer = fields.requiredBool("answer");
        return new Prepared(header.id(), header.prompt(), header.points(), Boolean.TRUE.equals(answer));
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        return Presented.prompt(question);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        String value = formField(fields, "");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> JsonNodeFactory.instance.booleanNode(true);
            case "false" -> JsonNodeFactory.instance.booleanNode(false);
            default -> JsonNodeFactory.instance.textNode(value);
        };
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        if (!value.isBoolean()) {
            problems.add("'value' must be true or false, not " + describe(value));
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        return value.booleanValue() == question.answer() ? Grade.right(question.points(), List.of())
                : Grade.wrong(question.points(), List.of());
    }
}
