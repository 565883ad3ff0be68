package roadshow.quiz.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A question whose definition its {@link QuestionType} has read and checked, ready to be
 * presented and graded any number of times. It holds the answer, so it stays on the
 * server: only a {@link Presented} goes to the learner. Only the type that prepared it
 * knows what else is in it.
 */
@ConsumerType
public interface PreparedQuestion {

    /** The question's id, unique within its quiz. */
    String id();

    /** The id of the {@link QuestionType} that prepared it. */
    String type();

    /** The question text. */
    String prompt();

    /** The points a fully right answer earns. */
    double points();
}
