package roadshow.quiz.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ConsumerType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of quiz question, named by the {@code type:} a quiz file gives it: how its
 * definition is read, what a learner is shown of it, which answer bodies it takes and
 * how an answer is graded. The built-in types are those of the content bundle format;
 * a vendor's code bundle may add one by registering a service with
 * {@link #TYPE_PROPERTY} set to its {@link #id()}.
 *
 * <p>On the attempt page, the quiz bundle draws the controls of the built-in types itself;
 * a type it does not know draws its own ({@link #controls}). Either way the form comes
 * back to the type as fields ({@link #readForm}), so a page, with or without script,
 * saves exactly the answer body the REST API takes.
 *
 * <p>A type holds no state of its own: everything about a question is in the
 * {@link PreparedQuestion} it made, and everything about an attempt (the order it was
 * shown in, the answer) is passed in, so one instance serves every quiz and attempt
 * at once.
 */
@ConsumerType
public interface QuestionType {

    /**
     * The service property that names the type a {@code QuestionType} service is, equal
     * to its {@link #id()}; filter on it to find one type.
     */
    String TYPE_PROPERTY = "roadshow.question.type";

    /** The type's id, the value of a question's {@code type:} field, such as {@code single}. */
    String id();

    /**
     * Reads and checks a question's definition.
     *
     * @param definition every field of the question as written, as the content model
     *                   gives it ({@code roadshow.content.api.Question#definition}):
     *                   {@code id}, {@code type}, {@code prompt}, {@code points} and the
     *                   fields of this type; text as String, numbers as Long, BigInteger or
     *                   Double, true/false as Boolean, lists as List and mappings as Map
     * @return the question ready to present and grade, or every problem found, each naming
     *         the field it is about
     */
    Preparation prepare(Map<String, Object> definition);

    /**
     * What a learner sees of a question for one attempt. It never holds anything from
     * which the answer could be told: no flag on a choice, no accepted text or value, and
     * an order that is not the answer's. Ids are the same for every attempt at the same
     * question, so an answer stays valid however the question was shown.
     *
     * @param question a question this type prepared
     * @param shuffle  the quiz's {@code shuffle:} setting: whether choices are shown in a
     *                 random order rather than as written. What the type must show shuffled
     *                 whatever the quiz says (the items to put in order, the right-hand side of
     *                 a matching question) it shuffles regardless
     * @param random   the attempt's source of randomness; the same generator in the same
     *                 state gives the same presentation
     */
    Presented present(PreparedQuestion question, boolean shuffle, RandomGenerator random);

    /**
     * Checks that an answer body has the shape this type takes and refers only to what the
     * question holds (its choice ids, item ids, ...). An answer that passes is one
     * {@link #grade} can grade; one that fails must be refused and change nothing.
     *
     * @param question a question this type prepared
     * @param answer   the answer body, such as {@code {"choice": "a"}}
     * @return what is wrong with it, in sentences a learner's client can show; empty when
     *         it is well formed (which says nothing about whether it is right)
     */
    List<String> checkAnswer(PreparedQuestion question, JsonNode answer);

    /**
     * Grades an answer.
     *
     * @param question a question this type prepared
     * @param answer   an answer body, or {@code null} when the learner gave none; one that
     *                 {@link #checkAnswer} would refuse (say, saved before the question
     *                 changed) is graded as wrong, never thrown at
     * @return the points earned out of the question's points, and the vendor's feedback
     */
    Grade grade(PreparedQuestion question, JsonNode answer);

    /**
     * What the attempt and result pages show as the question's heading: by default its whole
     * prompt. A type whose {@link #controls} show part of the prompt themselves (the text
     * around the blanks to fill, say) returns the rest, so that nothing is shown twice.
     */
    default String heading(Presented question) {
        return question.prompt();
    }

    /**
     * The HTML controls with which a learner answers the question on the attempt page,
     * placed after its prompt, or empty for a type whose controls the quiz page draws
     * itself (the built-in ones). Every control's name is {@code name} or starts with
     * {@code name + "."}; the fragment holds no script or style (the page's content
     * security policy allows neither inline) and nothing from which the answer can be
     * told; every text in it is HTML-escaped.
     *
     * @param question the question as this attempt shows it
     * @param answer   the answer saved so far, to show filled in, or {@code null}
     * @param name     the name of the question's control, and the prefix of its sub-controls
     */
    default Optional<String> controls(Presented question, JsonNode answer, String name) {
        return Optional.empty();
    }

    /**
     * The answer body that the attempt page's controls for the question give.
     *
     * @param question the question as this attempt shows it
     * @param fields   the values of the question's form fields: under the key {@code ""}
     *                 those of the control named as the question, and under {@code "sub"}
     *                 those of a control named {@code name + ".sub"}; a field the form sent
     *                 empty is there with an empty string
     * @return the answer body, as the REST API takes it, which {@link #checkAnswer} then
     *         checks; or {@code null} when the learner has not answered
     */
    JsonNode readForm(Presented question, Map<String, List<String>> fields);
}
