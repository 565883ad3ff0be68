package roadshow.quiz.internal;

import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/** {@code type: single}: exactly one choice is correct, and the learner picks one. */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + SingleChoice.ID)
public class SingleChoice extends BuiltInQuestionType<SingleChoice.Prepared> {

    static final String ID = "single";

    record Prepared(String id, String prompt, double points, List<Choice> choices) implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }

        Optional<Choice> choice(String id) {
            return choices.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    public SingleChoice() {
        super(ID, Prepared.class, "choice", "{\"choice\": \"<choice id>\"}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        List<Choice> choices = Choice.read(fields);
        if (choices != null) {
            long correct = choices.stream().filter(Choice::correct).count();
            if (correct != 1) {
                fields.problem("choices", "a single-choice question needs exactly one choice with 'correct: true'; this one has "
                        + correct);
            }
        }
        return new Prepared(header.id(), header.prompt(), header.points(), choices);
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        List<Choice> shown = shuffle ? Shuffle.of(question.choices(), random) : question.choices();
        return new Presented(question.id(), ID, question.prompt(), question.points(),
                shown.stream().map(Choice::shown).toList(), null, null, null);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        String choice = formField(fields, "");
        return choice == null ? null : JsonNodeFactory.instance.textNode(choice);
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        if (!value.isTextual()) {
            problems.add("'choice' must be a choice id as a string, not " + describe(value));
        } else if (question.choice(value.textValue()).isEmpty()) {
            problems.add("'choice' is '" + value.textValue() + "', which is not one of this question's choices ("
                    + Choice.ids(question.choices()) + ")");
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        Choice picked = question.choice(value.textValue()).orElseThrow();
        List<String> feedback = new ArrayList<>();
        if (picked.feedback() != null) {
            feedback.add(picked.feedback());
        }
        return picked.correct() ? Grade.right(question.points(), feedback) : Grade.wrong(question.points(), feedback);
    }
}
