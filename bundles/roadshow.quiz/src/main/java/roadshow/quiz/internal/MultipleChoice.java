package roadshow.quiz.internal;

import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * {@code type: multiple}: the learner picks every correct choice and no wrong one. With
 * {@code partial: true} an answer that is not fully right still earns a share of the
 * points: for each correct choice picked, {@code 1/c} of them (c being the number of
 * correct choices), less as much for each wrong one picked, and never below nothing.
 * Picking every choice therefore earns no more than the wrong ones cancel out.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + MultipleChoice.ID)
public class MultipleChoice extends BuiltInQuestionType<MultipleChoice.Prepared> {

    static final String ID = "multiple";

    record Prepared(String id, String prompt, double points, List<Choice> choices, boolean partial)
            implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public MultipleChoice() {
        super(ID, Prepared.class, "choices", "{\"choices\": [\"<choice id>\", ...]}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        Boolean partial = fields.bool("partial");
        List<Choice> choices = Choice.read(fields);
        if (choices != null && choices.stream().noneMatch(Choice::correct)) {
            fields.problem("choices", "a multiple-choice question needs at least one choice with 'correct: true'");
        }
        return new Prepared(header.id(), header.prompt(), header.points(), choices, Boolean.TRUE.equals(partial));
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        List<Choice> shown = shuffle ? Shuffle.of(question.choices(), random) : question.choices();
        return new Presented(question.id(), ID, question.prompt(), question.points(),
                shown.stream().map(Choice::shown).toList(), null, null, null);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        // no box ticked is an answer too (a form sends nothing for it): it replaces what was saved before
        var picked = JsonNodeFactory.instance.arrayNode();
        fields.getOrDefault("", List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(picked::add);
        return picked;
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        List<String> picked = strings(value, "choices", problems);
        if (picked == null) {
            return;
        }
        Set<String> ids = new HashSet<>(question.choices().stream().map(Choice::id).toList());
        Set<String> seen = new HashSet<>();
        for (String id : picked) {
            if (!ids.contains(id)) {
                problems.add("'choices' holds '" + id + "', which is not one of this question's choices ("
                        + Choice.ids(question.choices()) + ")");
            } else if (!seen.add(id)) {
                problems.add("'choices' holds '" + id + "' more than once");
            }
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        Set<String> picked = new HashSet<>();
        value.forEach(id -> picked.add(id.textValue()));
        int correct = 0;
        int right = 0;
        int wrong = 0;
        for (Choice choice : question.choices()) {
            correct += choice.correct() ? 1 : 0;
            if (picked.contains(choice.id())) {
                right += choice.correct() ? 1 : 0;
                wrong += choice.correct() ? 0 : 1;
            }
        }
        List<String> feedback = question.choices().stream()
                .filter(c -> picked.contains(c.id()) && c.feedback() != null).map(Choice::feedback).toList();
        if (right == correct && wrong == 0) {
            return Grade.right(question.points(), feedback);
        }
        if (!question.partial() || right <= wrong) {
            return Grade.wrong(question.points(), feedback);
        }
        return new Grade(question.points() * (right - wrong) / correct, question.points(), false, feedback);
    }
}
