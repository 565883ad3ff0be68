package roadshow.quiz.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of a learner's attempts in full, to come back to: its questions as it shows them,
 * the answers saved so far, and once submitted its grade. Before submission it holds
 * nothing from which an answer can be told.
 *
 * @param summary   the attempt
 * @param questions its questions, in the order shown, without their answers
 * @param answers   the answer bodies saved, by question id
 * @param result    the grade, once submitted; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptDetail(@JsonUnwrapped AttemptSummary summary, List<Presented> questions, Map<String, JsonNode> answers,
        AttemptResult result) {

    public AttemptDetail {
        questions = List.copyOf(questions);
        answers = Map.copyOf(answers);
    }
}
