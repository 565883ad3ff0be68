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

class OrderingTest {

    private static final List<String> STEPS = List.of("Discover", "Qualify", "Propose", "Negotiate", "Close");

    private final Ordering type = new Ordering();
    private final PreparedQuestion question = ready(type.prepare(Map.of("id", "q6", "type", "ordering",
            "prompt", "Put the sales steps in order.", "items", STEPS)));

    /** The answer that puts the items shown back in the order given by {@code texts}. */
    private static JsonNode order(Presented shown, List<String> texts) {
        ObjectNode answer = MAPPER.createObjectNode();
        texts.forEach(text -> answer.withArray("order").add(shown.items().stream()
                .filter(o -> o.text().equals(text)).findFirst().orElseThrow().id()));
        return answer;
    }

    @Test
    void atLeastTwoItemsAllText() {
        assertThat(type.prepare(Map.of("id", "q6", "prompt", "?", "items", List.of("Only"))).problems())
                .extracting(QuestionProblem::message).containsExactly("'items' needs at least 2 items to put in order, not 1");
        assertThat(type.prepare(Map.of("id", "q6", "prompt", "?", "items", List.of("A", true))).problems())
                .extracting(QuestionProblem::field).containsExactly("items[1]");
    }

    @Test
    void itemsAreShownShuffledEvenWhenTheQuizDoesNotShuffle() {
        Presented shown = type.present(question, false, seed(42));
        assertThat(shown.items()).extracting(Option::text).containsExactlyInAnyOrderElementsOf(STEPS)
                .doesNotContainSequence(STEPS);
        assertThat(shown.items()).extracting(Option::text).isNotEqualTo(STEPS);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndIdsDoNotDependOnIt() {
        assertThat(type.present(question, true, seed(5))).isEqualTo(type.present(question, true, seed(5)));
        Set<String> ids = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            type.present(question, true, seed(seed)).items().forEach(o -> ids.add(o.id() + "=" + o.text()));
        }
        assertThat(ids).hasSize(STEPS.size());
    }

    @Test
    void theIdsDoNotGiveTheOrderAway() {
        Presented shown = type.present(question, true, seed(42));
        String json = sent(shown);
        assertThat(json).doesNotContain("correct", "position", "index");
        List<String> byId = shown.items().stream().sorted((a, b) -> a.id().compareTo(b.id())).map(Option::text).toList();
        assertThat(byId).isNotEqualTo(STEPS);
        assertThat(shown.items()).extracting(Option::id).noneMatch(id -> id.matches("\\d+"));
    }

    @Test
    void everyOrderIsShownSometimesTheRightOneIncludedSoTheShownOrderTellsNothing() {
        PreparedQuestion two = ready(type.prepare(Map.of("id", "q", "prompt", "?", "items", List.of("First", "Second"))));
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seen.add(type.present(two, true, seed(seed)).items().stream().map(Option::text).toList());
        }
        assertThat(seen).containsExactlyInAnyOrder(List.of("First", "Second"), List.of("Second", "First"));
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        Presented shown = type.present(question, true, seed(1));
        assertThat(type.checkAnswer(question, order(shown, STEPS))).isEmpty();
        String first = shown.items().get(0).id();
        assertThat(type.checkAnswer(question, answer("{'order': '" + first + "'}"))).singleElement().asString()
                .contains("list");
        assertThat(type.checkAnswer(question, answer("{'order': ['" + first + "']}"))).singleElement().asString()
                .contains("every one of the 5 items");
        assertThat(type.checkAnswer(question, answer("{'order': ['" + first + "', '" + first + "']}"))).isNotEmpty();
        assertThat(type.checkAnswer(question, answer("{'order': ['Discover']}"))).first().asString().contains("'Discover'");
        assertThat(type.checkAnswer(question, answer("{'items': []}"))).hasSize(1);
    }

    @Test
    void onlyTheExactOrderIsRight() {
        Presented shown = type.present(question, true, seed(9));
        assertThat(type.grade(question, order(shown, STEPS)).correct()).isTrue();
        assertThat(type.grade(question, order(shown, STEPS)).points()).isEqualTo(1.0);
        assertThat(type.grade(question, order(shown, List.of("Discover", "Qualify", "Propose", "Close", "Negotiate")))
                .points()).isZero();
        assertThat(type.grade(question, null).correct()).isFalse();
    }

    @Test
    void itemsWrittenAlikeMayGoEitherWayRound() {
        PreparedQuestion twice = ready(type.prepare(Map.of("id", "q", "prompt", "?", "items", List.of("Call", "Visit", "Call"))));
        Presented shown = type.present(twice, true, seed(2));
        assertThat(shown.items()).extracting(Option::id).doesNotHaveDuplicates();
        List<String> calls = shown.items().stream().filter(o -> o.text().equals("Call")).map(Option::id).toList();
        String visit = shown.items().stream().filter(o -> o.text().equals("Visit")).findFirst().orElseThrow().id();
        assertThat(type.grade(twice, answer("{'order': ['" + calls.get(0) + "', '" + visit + "', '" + calls.get(1) + "']}"))
                .correct()).isTrue();
        assertThat(type.grade(twice, answer("{'order': ['" + calls.get(1) + "', '" + visit + "', '" + calls.get(0) + "']}"))
                .correct()).isTrue();
    }
}
