package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.QuestionProblem;

class MultipleChoiceTest {

    private final MultipleChoice type = new MultipleChoice();

    private static final List<Map<String, Object>> CHOICES = List.of(
            Map.of("id", "a", "text", "A server out of warranty", "correct", true, "feedback", "Yes: replace or move."),
            Map.of("id", "b", "text", "A new office", "correct", true),
            Map.of("id", "c", "text", "A new logo", "feedback", "A logo buys no servers."),
            Map.of("id", "d", "text", "A new receptionist"));

    private static Map<String, Object> definition(boolean partial) {
        Map<String, Object> definition = new HashMap<>(Map.of("id", "q2", "type", "multiple", "points", 4L,
                "prompt", "Which of these are SMB buying signals?", "choices", CHOICES));
        if (partial) {
            definition.put("partial", true);
        }
        return definition;
    }

    private final PreparedQuestion allOrNothing = ready(type.prepare(definition(false)));
    private final PreparedQuestion partial = ready(type.prepare(definition(true)));

    @Test
    void aDefinitionWithoutACorrectChoiceOrWithAWrongPartialIsRefused() {
        Map<String, Object> noneCorrect = new HashMap<>(definition(false));
        noneCorrect.put("choices", List.of(Map.of("id", "a", "text", "A"), Map.of("id", "b", "text", "B")));
        assertThat(type.prepare(noneCorrect).problems()).extracting(QuestionProblem::field).containsExactly("choices");
        Map<String, Object> badPartial = new HashMap<>(definition(false));
        badPartial.put("partial", "yes");
        assertThat(type.prepare(badPartial).problems()).extracting(QuestionProblem::field).containsExactly("partial");
        Map<String, Object> noChoices = new HashMap<>(definition(false));
        noChoices.put("choices", "a, b");
        assertThat(type.prepare(noChoices).problems()).extracting(QuestionProblem::message)
                .containsExactly("'choices' must be a list, not the text 'a, b'");
    }

    @Test
    void presentingNeverSaysWhichChoicesAreCorrect() {
        String json = sent(type.present(partial, true, seed(3)));
        assertThat(json).doesNotContain("correct", "partial", "feedback", "Yes: replace");
        assertThat(type.present(partial, true, seed(3)).choices()).extracting(Option::id)
                .containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        assertThat(type.checkAnswer(partial, answer("{'choices': []}"))).isEmpty();
        assertThat(type.checkAnswer(partial, answer("{'choices': ['b', 'a']}"))).isEmpty();
        assertThat(type.checkAnswer(partial, answer("{'choices': 'a'}"))).singleElement().asString().contains("list");
        assertThat(type.checkAnswer(partial, answer("{'choices': ['a', 'x']}"))).singleElement().asString().contains("'x'");
        assertThat(type.checkAnswer(partial, answer("{'choices': ['a', 'a']}"))).singleElement().asString()
                .contains("more than once");
        assertThat(type.checkAnswer(partial, answer("{'choices': [1]}"))).hasSize(1);
        assertThat(type.checkAnswer(partial, answer("{'choice': 'a'}"))).hasSize(1);
    }

    @Test
    void allOrNothingNeedsEveryCorrectChoiceAndNoWrongOne() {
        assertThat(type.grade(allOrNothing, answer("{'choices': ['b', 'a']}")))
                .isEqualTo(new Grade(4, 4, true, List.of("Yes: replace or move.")));
        assertThat(type.grade(allOrNothing, answer("{'choices': ['a']}"))).isEqualTo(
                new Grade(0, 4, false, List.of("Yes: replace or move.")));
        assertThat(type.grade(allOrNothing, answer("{'choices': ['a', 'b', 'c']}"))).isEqualTo(
                new Grade(0, 4, false, List.of("Yes: replace or move.", "A logo buys no servers.")));
        assertThat(type.grade(allOrNothing, null)).isEqualTo(new Grade(0, 4, false, List.of()));
    }

    @Test
    void partialCreditGivesEachCorrectPickItsShareLessAsMuchPerWrongPick() {
        assertThat(type.grade(partial, answer("{'choices': ['a', 'b']}")).correct()).isTrue();
        Grade half = type.grade(partial, answer("{'choices': ['a']}"));
        assertThat(half.points()).isEqualTo(2.0);
        assertThat(half.correct()).isFalse();
        assertThat(type.grade(partial, answer("{'choices': ['a', 'b', 'c']}")).points()).isEqualTo(2.0);
        assertThat(type.grade(partial, answer("{'choices': ['a', 'c']}")).points()).isZero();
        assertThat(type.grade(partial, answer("{'choices': ['c', 'd']}")).points()).isZero();
        assertThat(type.grade(partial, answer("{'choices': []}")).points()).isZero();
        assertThat(type.grade(partial, null).points()).isZero();
    }

    @Test
    void pickingEveryChoiceEarnsNothingWhenThereAreAsManyWrongAsRight() {
        assertThat(type.grade(partial, answer("{'choices': ['a', 'b', 'c', 'd']}")).points()).isZero();
    }

    @Test
    void partialCreditIsAFractionOfThePoints() {
        Map<String, Object> three = new HashMap<>(definition(true));
        three.put("points", 1L);
        three.put("choices", List.of(Map.of("id", "a", "text", "A", "correct", true),
                Map.of("id", "b", "text", "B", "correct", true), Map.of("id", "c", "text", "C", "correct", true)));
        assertThat(type.grade(ready(type.prepare(three)), answer("{'choices': ['a', 'c']}")).points())
                .isCloseTo(2.0 / 3, within(1e-9));
    }
}
