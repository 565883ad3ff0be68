package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code type: matching}: each left is matched to its right. The right-hand side is
 * shown shuffled whatever the quiz's {@code shuffle} (as written, it would line up with
 * the left), and each right text once, since several lefts may share it: two products
 * in the same category are two lefts matched to the one right. Only every pair right is
 * right; the format has no partial credit for matching.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + Matching.ID)
public class Matching extends BuiltInQuestionType<Matching.Prepared> {

    static final String ID = "matching";

    /**
     * @param lefts    the left of each pair, as written
     * @param leftIds  their ids, in the same order
     * @param rights   the right of each pair, as written
     * @param answers  each distinct right text, in the order first written
     * @param rightIds their ids, in the same order
     */
    record Prepared(String id, String prompt, double points, List<String> lefts, List<String> leftIds,
                    List<String> rights, List<String> answers, List<String> rightIds) implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public Matching() {
        super(ID, Prepared.class, "pairs", "{\"pairs\": {\"<left id>\": \"<right id>\", ...}}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        List<?> written = fields.requiredList("pairs");
        List<String> lefts = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        if (written != null) {
            fields.atLeast("pairs", written, 2, "pair%s to match");
            for (int i = 0; i < written.size(); i++) {
                Definition pair = fields.entry("pairs", i, written.get(i));
                if (pair != null) {
                    String left = pair.requiredText("left");
                    String right = pair.requiredText("right");
                    if (left != null && right != null) {
                        lefts.add(left);
                        rights.add(right);
                    }
                }
            }
        }
        List<String> answers = rights.stream().distinct().toList();
        return new Prepared(header.id(), header.prompt(), header.points(), List.copyOf(lefts), OptionIds.of(lefts),
                List.copyOf(rights), answers, OptionIds.of(answers));
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        List<Option> left = options(question.leftIds(), question.lefts());
        List<Option> right = options(question.rightIds(), question.answers());
        left = shuffle ? Shuffle.of(left, random) : left;
        return new Presented(question.id(), ID, question.prompt(), question.points(), null, null, left,
                Shuffle.of(right, random));
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        // one control per left-hand thing, named by its id, naming the right-hand one picked
        var pairs = JsonNodeFactory.instance.objectNode();
        for (Option left : question.left()) {
            String right = formField(fields, left.id());
            if (right != null) {
                pairs.put(left.id(), right);
            }
        }
        return pairs.isEmpty() ? null : pairs;
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        if (!value.isObject()) {
            problems.add("'pairs' must map left ids to right ids, not " + describe(value));
            return;
        }
        // a partial answer is well formed: the learner may save before matching everything
        for (Map.Entry<String, JsonNode> pair : value.properties()) {
            if (!question.leftIds().contains(pair.getKey())) {
                problems.add("'pairs' holds '" + pair.getKey() + "', which is not one of this question's left ids");
            } else if (!pair.getValue().isTextual()) {
                problems.add("'pairs' must match '" + pair.getKey() + "' to a right id as a string, not "
                        + describe(pair.getValue()));
            } else if (!question.rightIds().contains(pair.getValue().textValue())) {
                problems.add("'pairs' matches '" + pair.getKey() + "' to '" + pair.getValue().textValue()
                        + "', which is not one of this question's right ids");
            }
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        // compared as texts, so that lefts written alike are interchangeable, as the learner sees them
        List<String> expected = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < question.lefts().size(); i++) {
            expected.add(question.lefts().get(i) + "\u0000" + question.rights().get(i));
            JsonNode right = value.get(question.leftIds().get(i));
            if (right != null) {
                given.add(question.lefts().get(i) + "\u0000"
                        + question.answers().get(question.rightIds().indexOf(right.textValue())));
            }
        }
        expected.sort(null);
        given.sort(null);
        return given.equals(expected) ? Grade.right(question.points(), List.of())
                : Grade.wrong(question.points(), List.of());
    }

    private static List<Option> options(List<String> ids, List<String> texts) {
        return IntStream.range(0, ids.size()).mapToObj(i -> new Option(ids.get(i), texts.get(i))).toList();
    }
}
