package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.QuestionProblem;

class NumericAnswerTest {

    private final NumericAnswer type = new NumericAnswer();
    private final PreparedQuestion question = ready(type.prepare(Map.of("id", "q4", "type", "numeric",
            "prompt", "How many SMBs, in millions?", "answer", 7.6, "tolerance", 0.1)));

    @Test
    void answerIsRequiredAndToleranceMayNotBeNegative() {
        assertThat(type.prepare(Map.of("id", "q4", "prompt", "?", "answer", "7.6", "tolerance", -0.1)).problems())
                .extracting(QuestionProblem::field).containsExactlyInAnyOrder("answer", "tolerance");
        assertThat(type.prepare(Map.of("id", "q4", "prompt", "?")).problems()).extracting(QuestionProblem::field)
                .containsExactly("answer");
        assertThat(type.prepare(Map.of("id", "q4", "prompt", "?", "answer", Double.NaN)).isReady()).isFalse();
    }

    @Test
    void presentingShowsNeitherTheAnswerNorTheTolerance() {
        String json = sent(type.present(question, true, seed(1)));
        assertThat(json).doesNotContain("7.6", "0.1", "answer", "tolerance");
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        assertThat(type.checkAnswer(question, answer("{'value': 7}"))).isEmpty();
        assertThat(type.checkAnswer(question, answer("{'value': '7.6'}"))).singleElement().asString().contains("number");
        assertThat(type.checkAnswer(question, answer("{'value': [7.6]}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'value': null}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'text': 7.6}"))).hasSize(1);
    }

    @Test
    void anyValueWithinTheToleranceIsRightBothEndsIncluded() {
        assertThat(type.grade(question, answer("{'value': 7.6}")).correct()).isTrue();
        // in binary floating point 7.7 - 7.6 is 0.10000000000000053
        assertThat(type.grade(question, answer("{'value': 7.7}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'value': 7.5}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'value': 7.71}")).correct()).isFalse();
        assertThat(type.grade(question, answer("{'value': 7.49}")).points()).isZero();
        assertThat(type.grade(question, null).points()).isZero();
    }

    @Test
    void withoutToleranceOnlyTheExactValueIsRightHoweverItIsWritten() {
        PreparedQuestion exact = ready(type.prepare(Map.of("id", "q", "prompt", "?", "answer", 3L, "points", 2.5)));
        assertThat(type.grade(exact, answer("{'value': 3}")).points()).isEqualTo(2.5);
        assertThat(type.grade(exact, answer("{'value': 3.0}")).correct()).isTrue();
        assertThat(type.grade(exact, answer("{'value': 3e0}")).correct()).isTrue();
        assertThat(type.grade(exact, answer("{'value': 3.0000001}")).correct()).isFalse();
        PreparedQuestion big = ready(type.prepare(Map.of("id", "q", "prompt", "?", "answer", new BigInteger("12345678901234567890"))));
        assertThat(type.grade(big, answer("{'value': 12345678901234567890}")).correct()).isTrue();
    }

    @Test
    void aDecimalParsedExactlyGradesTheSameAndAHugeExponentIsHarmless() throws Exception {
        ObjectMapper decimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(type.grade(question, decimals.readTree("{\"value\": 7.7}")).correct()).isTrue();
        assertThat(type.grade(question, decimals.readTree("{\"value\": 1e-999999999}")).correct()).isFalse();
    }
}
