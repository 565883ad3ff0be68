package roadshow.quiz.internal;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;

/** What the question type tests share: JSON in and out, and seeded attempts. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An answer body, written with single quotes for readability. */
    static JsonNode answer(String json) {
        try {
            return MAPPER.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** What goes to the learner, as the REST API would send it. */
    static String sent(Object presented) {
        try {
            return MAPPER.writeValueAsString(presented);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RandomGenerator seed(long seed) {
        return new SplittableRandom(seed);
    }

    /** The question, which the test expects to be accepted. */
    static PreparedQuestion ready(Preparation preparation) {
        if (!preparation.isReady()) {
            throw new AssertionError("refused: " + preparation.problems());
        }
        return preparation.question();
    }
}
