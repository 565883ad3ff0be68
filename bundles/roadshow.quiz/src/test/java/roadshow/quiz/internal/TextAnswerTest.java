package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.quiz.internal.Json.answer;
import static roadshow.quiz.internal.Json.ready;
import static roadshow.quiz.internal.Json.seed;
import static roadshow.quiz.internal.Json.sent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.QuestionProblem;

class TextAnswerTest {

    private final TextAnswer type = new TextAnswer();
    private final PreparedQuestion question = ready(type.prepare(Map.of("id", "q5", "type", "text",
            "prompt", "Name the open-source operating system.", "answers", List.of("linux", "GNU/Linux", "Straße OS"))));

    @Test
    void atLeastOneAcceptedAnswerAllText() {
        assertThat(type.prepare(Map.of("id", "q5", "prompt", "?", "answers", List.of())).problems())
                .extracting(QuestionProblem::field).containsExactly("answers");
        assertThat(type.prepare(Map.of("id", "q5", "prompt", "?", "answers", List.of("linux", 7L))).problems())
                .extracting(QuestionProblem::field).containsExactly("answers[1]");
        assertThat(type.prepare(Map.of("id", "q5", "prompt", "?", "answers", List.of("linux", "  "))).problems())
                .extracting(QuestionProblem::field).containsExactly("answers[1]");
        assertThat(type.prepare(Map.of("id", "q5", "prompt", "?")).problems())
                .extracting(QuestionProblem::message).containsExactly("'answers' is required");
    }

    @Test
    void presentingShowsNoAcceptedAnswer() {
        String json = sent(type.present(question, true, seed(1))).toLowerCase();
        assertThat(json).doesNotContain("linux", "straße", "answers");
    }

    @Test
    void answersOfTheWrongShapeAreRefused() {
        assertThat(type.checkAnswer(question, answer("{'text': ''}"))).isEmpty();
        assertThat(type.checkAnswer(question, answer("{'text': ['linux']}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'text': 42}"))).hasSize(1);
        assertThat(type.checkAnswer(question, answer("{'value': 'linux'}"))).hasSize(1);
    }

    @Test
    void anyAcceptedAnswerMatchesWhateverItsCaseAndWhitespace() {
        assertThat(type.grade(question, answer("{'text': 'linux'}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'text': '  LINUX\\t'}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'text': 'gnu / linux'}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'text': 'GNU/LINUX'}")).points()).isEqualTo(1.0);
        assertThat(type.grade(question, answer("{'text': 'STRASSE\\u00a0os'}")).correct()).isTrue();
        assertThat(type.grade(question, answer("{'text': 'windows'}")).correct()).isFalse();
        assertThat(type.grade(question, answer("{'text': 'linu'}")).correct()).isFalse();
        assertThat(type.grade(question, answer("{'text': ''}")).correct()).isFalse();
        assertThat(type.grade(question, null).correct()).isFalse();
    }

    @Test
    void accentsMatchWhetherTypedAsOneCharacterOrTwo() {
        PreparedQuestion cafe = ready(type.prepare(Map.of("id", "q", "prompt", "?", "answers", List.of("caf\u00e9"))));
        assertThat(type.grade(cafe, answer("{'text': 'Cafe\\u0301'}")).correct()).isTrue();
    }
}
