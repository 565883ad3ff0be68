package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.quiz.internal.Json.MAPPER;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import roadshow.quiz.api.Option;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionProblem;

class MatchingTest {

    private static final List<Map<String, Object>> PAIRS = List.of(
            Map.of("left", "Word processor", "right", "Desktop application"),
            Map.of("left", "Database server", "right", "Back office"),
            Map.of("left", "Spreadsheet", "right", "Desktop application"),
            Map.of("left", "Firewall", "right", "Network edge"));

    private final Matching type = new Matching();
    private final PreparedQuestion question = ready(type.prepare(Map.of("id", "q7", "type", "matching", "points", 3L,
            "prompt", "Match the product to its category.", "pairs", PAIRS)));

    private static String id(List<Option> options, String text) {
        return options.stream().filter(o -> o.text().equals(text)).findFirst().orElseThrow().id();
    }

    /** The answer that matches each left text to the right text after it. */
    private static JsonNode match(Presented shown, String... leftThenRight) {
        ObjectNode pairs = MAPPER.createObjectNode();
        for (int i = 0; i < leftThenRight.length; i += 2) {
            pairs.put(id(shown.left(), leftThenRight[i]), id(shown.right(), leftThenRight[i + 1]));
        }
        ObjectNode answer = MAPPER.createObjectNode();
        answer.set("pairs", pairs);
        return answer;
    }

    @Test
    void atLeastTwoPairsEachWithLeftAndRight() {
        assertThat(type.prepare(Map.of("id", "q7", "prompt", "?", "pairs", List.of(PAIRS.get(0)))).problems())
                .extracting(QuestionProblem::field).containsExactly("pairs");
        assertThat(type.prepare(Map.of("id", "q7", "prompt", "?", "pairs", List.of(PAIRS.get(0), Map.of("left", "X"))))
                .problems()).extracting(QuestionProblem::field).containsExactly("pairs[1].right");
    }

    @Test
    void eachRightIsShownOnceAndShuffledEvenWhenTheQuizDoesNotShuffle() {
        Set<List<String>> rightOrders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Presented shown = type.present(question, false, seed(seed));
            assertThat(shown.left()).extracting(Option::text)
                    .containsExactly("Word processor", "Database server", "Spreadsheet", "Firewall");
            assertThat(shown.right()).extracting(Option::text)
                    .containsExactlyInAnyOrder("Desktop application", "Back office", "Network edge");
            rightOrders.add(shown.right().stream().map(Option::text).toList());
        }
        assertThat(rightOrders).hasSizeGreaterThan(1);
        assertThat(type.present(question, true, seed(3))).isEqualTo(type.present(question, true, seed(3)));
    }

    @Test
    void presentingDoesNotPairAnything() {
        Presented shown = type.present(question, true, seed(42));
        String json = sent(shown);
        assertThat(Json.answer(json).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "type", "prompt", "points", "left", "right");
        assertThat(json).doesNotContain("pairs", "correct");
        assertThat(shown.left()).extracting(Option::id).doesNotContainAnyElementsOf(
                shown.right().stream().map(Option::id).toList());
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        Presented shown = type.present(question, true, seed(1));
        assertThat(type.checkAnswer(question, match(shown, "Firewall", "Network edge"))).as("a partial answer").isEmpty();
        String left = id(shown.left(), "Firewall");
        String right = id(shown.right(), "Network edge");
        assertThat(type.checkAnswer(question, answer("{'pairs': [['" + left + "', '" + right + "']]}"))).singleElement()
                .asString().contains("map");
        assertThat(type.checkAnswer(question, answer("{'pairs': {'nope': '" + right + "'}}"))).singleElement().asString()
                .contains("'nope'");
        assertThat(type.checkAnswer(question, answer("{'pairs': {'" + left + "': 'nope'}}"))).singleElement().asString()
                .contains("'nope'");
        assertThat(type.checkAnswer(question, answer("{'pairs': {'" + left + "': 1}}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'pairs': {'" + right + "': '" + left + "'}}"))).isNotEmpty();
    }

    @Test
    void onlyEveryPairRightIsRight() {
        Presented shown = type.present(question, true, seed(11));
        JsonNode right = match(shown, "Word processor", "Desktop application", "Database server", "Back office",
                "Spreadsheet", "Desktop application", "Firewall", "Network edge");
        assertThat(type.grade(question, right).correct()).isTrue();
        assertThat(type.grade(question, right).points()).isEqualTo(3.0);
        JsonNode oneWrong = match(shown, "Word processor", "Desktop application", "Database server", "Back office",
                "Spreadsheet", "Back office", "Firewall", "Network edge");
        assertThat(type.grade(question, oneWrong).points()).isZero();
        JsonNode oneMissing = match(shown, "Word processor", "Desktop application", "Database server", "Back office",
                "Spreadsheet", "Desktop application");
        assertThat(type.grade(question, oneMissing).correct()).isFalse();
        assertThat(type.grade(question, null).correct()).isFalse();
    }
}
