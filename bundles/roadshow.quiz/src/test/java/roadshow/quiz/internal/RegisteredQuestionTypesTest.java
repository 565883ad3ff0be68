package roadshow.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.quiz.api.QuestionProblem;
import roadshow.quiz.api.QuestionType;

class RegisteredQuestionTypesTest {

    private final RegisteredQuestionTypes types = new RegisteredQuestionTypes();
    private long serviceIds;

    private void register(QuestionType type, int ranking) {
        types.addType(type, Map.of("service.id", ++serviceIds, "service.ranking", ranking,
                QuestionType.TYPE_PROPERTY, type.id()));
    }

    @Test
    void findsEveryBuiltInTypeByItsId() {
        List.of(new SingleChoice(), new MultipleChoice(), new TrueFalse(), new NumericAnswer(), new TextAnswer(),
                new Ordering(), new Matching()).forEach(type -> register(type, 0));
        assertThat(types.ids()).containsExactly("matching", "multiple", "numeric", "ordering", "single", "text", "truefalse");
        assertThat(types.type("numeric")).containsInstanceOf(NumericAnswer.class);
        assertThat(types.type("essay")).isEmpty();
    }

    @Test
    void theHighestRankedTypeWinsAndTheNextTakesOverWhenItGoes() {
        SingleChoice builtIn = new SingleChoice();
        SingleChoice vendors = new SingleChoice();
        SingleChoice older = new SingleChoice();
        register(builtIn, 0);
        register(vendors, 10);
        register(older, 0);
        assertThat(types.type("single")).containsSame(vendors);
        types.removeType(vendors);
        assertThat(types.type("single")).containsSame(builtIn);
        types.removeType(builtIn);
        types.removeType(older);
        assertThat(types.type("single")).isEmpty();
        assertThat(types.ids()).isEmpty();
    }

    @Test
    void preparesWithTheTypeTheDefinitionNames() {
        register(new TrueFalse(), 0);
        assertThat(types.prepare(Map.of("id", "q", "type", "truefalse", "prompt", "?", "answer", false)).isReady()).isTrue();
        assertThat(types.prepare(Map.of("id", "q", "type", "essay", "prompt", "?")).problems())
                .extracting(QuestionProblem::message).containsExactly("unknown question type 'essay'; the types are truefalse");
        assertThat(types.prepare(Map.of("id", "q", "prompt", "?")).problems()).extracting(QuestionProblem::field)
                .containsExactly("type");
    }
}
