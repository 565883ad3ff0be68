package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.QuestionProblem;

class TrueFalseTest {

    private final TrueFalse type = new TrueFalse();
    private final PreparedQuestion question = ready(type.prepare(Map.of("id", "q3", "type", "truefalse",
            "prompt", "A small business can deduct capital equipment.", "answer", true)));

    @Test
    void theAnswerMustBeTrueOrFalse() {
        assertThat(type.prepare(Map.of("id", "q3", "prompt", "?")).problems()).extracting(QuestionProblem::field)
                .containsExactly("answer");
        assertThat(type.prepare(Map.of("id", "q3", "prompt", "?", "answer", "yes")).problems())
                .extracting(QuestionProblem::message).containsExactly("'answer' must be true or false, not the text 'yes'");
    }

    @Test
    void presentingShowsOnlyThePrompt() {
        String json = sent(type.present(question, true, seed(1)));
        assertThat(Json.answer(json).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "prompt", "points");
        PreparedQuestion opposite = ready(type.prepare(Map.of("id", "q3", "type", "truefalse",
                "prompt", "A small business can deduct capital equipment.", "answer", false)));
        assertThat(sent(type.present(opposite, true, seed(1)))).isEqualTo(json);
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        assertThat(type.checkAnswer(question, answer("{'value': false}"))).isEmpty();
        assertThat(type.checkAnswer(question, answer("{'value': 'true'}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'value': 1}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'answer': true}"))).hasSize(1);
    }

    @Test
    void gradesTheValue() {
        assertThat(type.grade(question, answer("{'value': true}"))).isEqualTo(new Grade(1, 1, true, List.of()));
        assertThat(type.grade(question, answer("{'value': false}"))).isEqualTo(new Grade(0, 1, false, List.of()));
        assertThat(type.grade(question, null)).isEqualTo(new Grade(0, 1, false, List.of()));
        assertThat(type.grade(question, answer("{'value': 'true'}")).correct()).isFalse();
    }
}
