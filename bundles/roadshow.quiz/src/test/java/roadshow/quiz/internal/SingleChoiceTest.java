package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionProblem;

class SingleChoiceTest {

    private final SingleChoice type = new SingleChoice();

    /** As the content extender gives it: points as written (a Long), texts as text. */
    static Map<String, Object> definition(List<Map<String, Object>> choices) {
        return Map.of("id", "q1", "type", "single", "points", 2L, "prompt", "Which cost turns into operating expense?",
                "choices", choices);
    }

    private static final List<Map<String, Object>> CHOICES = List.of(
            Map.of("id", "a", "text", "Server hardware", "correct", true, "feedback", "Right, no more boxes to buy."),
            Map.of("id", "b", "text", "Staff training", "feedback", "Training stays an expense either way."),
            Map.of("id", "c", "text", "Office rent"),
            Map.of("id", "d", "text", "Coffee", "correct", false));

    private final PreparedQuestion question = ready(type.prepare(definition(CHOICES)));

    @Test
    void aWellFormedDefinitionIsReadWithItsPoints() {
        assertThat(question.id()).isEqualTo("q1");
        assertThat(question.type()).isEqualTo("single");
        assertThat(question.points()).isEqualTo(2.0);
        assertThat(question.prompt()).startsWith("Which cost");
    }

    @Test
    void pointsDefaultToOne() {
        Map<String, Object> noPoints = Map.of("id", "q1", "type", "single", "prompt", "?", "choices", CHOICES);
        assertThat(ready(type.prepare(noPoints)).points()).isEqualTo(1.0);
    }

    @Test
    void aDefinitionWithoutExactlyOneCorrectChoiceIsRefusedNamingTheField() {
        Preparation none = type.prepare(definition(List.of(Map.of("id", "a", "text", "A"), Map.of("id", "b", "text", "B"))));
        Preparation two = type.prepare(definition(List.of(Map.of("id", "a", "text", "A", "correct", true),
                Map.of("id", "b", "text", "B", "correct", true))));
        assertThat(none.isReady()).isFalse();
        assertThat(none.problems()).extracting(QuestionProblem::field).containsExactly("choices");
        assertThat(none.problems().get(0).message()).contains("exactly one", "has 0");
        assertThat(two.problems().get(0).message()).contains("has 2");
    }

    @Test
    void missingFieldsDuplicateIdsAndWrongKindsAreEachReported() {
        Preparation refused = type.prepare(Map.of("type", "single", "points", -1L, "choices", List.of(
                Map.of("id", "a", "text", "A", "correct", true), Map.of("id", "a", "text", "B"),
                Map.of("id", "c", "correct", "yes"), "d")));
        assertThat(refused.problems()).extracting(QuestionProblem::field).containsExactlyInAnyOrder(
                "id", "prompt", "points", "choices[1].id", "choices[2].text", "choices[2].correct", "choices[3]");
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.message()).contains(p.field()));
    }

    @Test
    void aDefinitionOfAnotherTypeIsRefused() {
        Map<String, Object> multiple = new java.util.HashMap<>(definition(CHOICES));
        multiple.put("type", "multiple");
        assertThat(type.prepare(multiple).problems()).extracting(QuestionProblem::field).containsExactly("type");
    }

    @Test
    void presentingShowsEveryChoiceWithoutSayingWhichIsCorrect() {
        Presented shown = type.present(question, true, seed(1));
        assertThat(shown.choices()).extracting(Option::id).containsExactlyInAnyOrder("a", "b", "c", "d");
        String json = sent(shown);
        assertThat(json).doesNotContain("correct", "feedback", "Right, no more", "true");
        assertThat(Json.answer(json).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "type", "prompt", "points", "choices");
    }

    @Test
    void choicesAreShuffledOnlyWhenTheQuizShufflesAndTheSameSeedGivesTheSameOrder() {
        assertThat(type.present(question, false, seed(1)).choices()).extracting(Option::id).containsExactly("a", "b", "c", "d");
        assertThat(type.present(question, true, seed(7))).isEqualTo(type.present(question, true, seed(7)));
        Set<List<Option>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(type.present(question, true, seed(seed)).choices());
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        assertThat(type.checkAnswer(question, answer("{'choice': 'a'}"))).isEmpty();
        assertThat(type.checkAnswer(question, answer("{'choice': 'z'}"))).singleElement().asString()
                .contains("'z'", "a, b, c, d");
        assertThat(type.checkAnswer(question, answer("{'choice': ['a']}"))).singleElement().asString().contains("string");
        assertThat(type.checkAnswer(question, answer("{'choices': ['a']}"))).singleElement().asString()
                .contains("{\"choice\": \"<choice id>\"}");
        assertThat(type.checkAnswer(question, answer("{'choice': 'a', 'also': 1}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("'a'"))).hasSize(1);
        assertThat(type.checkAnswer(question, null)).hasSize(1);
    }

    @Test
    void theCorrectChoiceEarnsThePointsAndEveryPickGetsItsFeedback() {
        assertThat(type.grade(question, answer("{'choice': 'a'}")))
                .isEqualTo(new Grade(2, 2, true, List.of("Right, no more boxes to buy.")));
        assertThat(type.grade(question, answer("{'choice': 'b'}")))
                .isEqualTo(new Grade(0, 2, false, List.of("Training stays an expense either way.")));
        assertThat(type.grade(question, answer("{'choice': 'c'}"))).isEqualTo(new Grade(0, 2, false, List.of()));
    }

    @Test
    void noAnswerAndAnAnswerThatNoLongerFitsEarnNothing() {
        assertThat(type.grade(question, null)).isEqualTo(new Grade(0, 2, false, List.of()));
        assertThat(type.grade(question, answer("{'choice': 'gone'}"))).isEqualTo(new Grade(0, 2, false, List.of()));
    }

    @Test
    void aQuestionAnotherTypePreparedIsRefused() {
        PreparedQuestion truefalse = ready(new TrueFalse().prepare(Map.of("id", "q", "prompt", "?", "answer", true)));
        assertThatThrownBy(() -> type.grade(truefalse, answer("{'choice': 'a'}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
