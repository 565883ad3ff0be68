package roadshow.content.api;

import java.time.Duration;
import java.util.List;

/**
 * A quiz from {@code quizzes/<id>.yaml}.
 *
 * @param id          unique within its vendor
 * @param vendor      the vendor id
 * @param title       shown to the learner
 * @param passScore   fraction of the available points needed to pass, in [0, 1]
 * @param timeLimit   the time allowed per attempt, or {@code null} for none
 * @param maxAttempts attempts allowed per learner; 0 means unlimited
 * @param draw        how many questions each attempt draws from the pool; 0 means all
 * @param shuffle     whether question and choice order are shuffled per attempt
 * @param questions   the pool, in the order written
 */
public record Quiz(
        String id,
        String vendor,
        String title,
        double passScore,
        Duration timeLimit,
        int maxAttempts,
        int draw,
        boolean shuffle,
        List<Question> questions) {

    public Quiz {
        questions = List.copyOf(questions);
    }

    public String globalId() {
        return vendor + "/" + id;
    }
}
