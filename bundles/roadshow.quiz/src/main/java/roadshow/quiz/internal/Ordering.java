package roadshow.quiz.internal;

import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * {@code type: ordering}: the items are written in their correct order and shown
 * shuffled, whatever the quiz's {@code shuffle}; the learner puts them back in order.
 * Only the exact order is right. Two items written with the same text may go either way
 * round, since the learner cannot tell them apart.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + Ordering.ID)
public class Ordering extends BuiltInQuestionType<Ordering.Prepared> {

    static final String ID = "ordering";

    /**
     * @param items the items in their correct order
     * @param ids   their ids, in the same order
     */
    record Prepared(String id, String prompt, double points, List<String> items, List<String> ids)
            implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public Ordering() {
        super(ID, Prepared.class, "order", "{\"order\": [\"<item id>\", ...]}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        List<String> items = fields.requiredTexts("items", 2, "item%s to put in order");
        return new Prepared(header.id(), header.prompt(), header.points(), items, items == null ? null : OptionIds.of(items));
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        List<Option> items = IntStream.range(0, question.items().size())
                .mapToObj(i -> new Option(question.ids().get(i), question.items().get(i))).toList();
        return new Presented(question.id(), ID, question.prompt(), question.points(), null, Shuffle.of(items, random),
                null, null);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        // one control per place, 1 to n, each naming the item the learner put there
        var order = JsonNodeFactory.instance.arrayNode();
        for (int place = 1; place <= question.items().size(); place++) {
            String item = formField(fields, Integer.toString(place));
            if (item != null) {
                order.add(item);
            }
        }
        return order.isEmpty() ? null : order;
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        List<String> order = strings(value, "order", problems);
        if (order == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String id : order) {
            if (!question.ids().contains(id)) {
                problems.add("'order' holds '" + id + "', which is not one of this question's item ids");
            } else if (!seen.add(id)) {
                problems.add("'order' holds '" + id + "' more than once");
            }
        }
        if (problems.isEmpty() && seen.size() != question.ids().size()) {
            problems.add("'order' must list every one of the " + question.ids().size() + " items, not "
                    + seen.size());
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        List<String> given = new ArrayList<>();
        value.forEach(id -> given.add(question.items().get(question.ids().indexOf(id.textValue()))));
        return given.equals(question.items()) ? Grade.right(question.points(), List.of())
                : Grade.wrong(question.points(), List.of());
    }
}
