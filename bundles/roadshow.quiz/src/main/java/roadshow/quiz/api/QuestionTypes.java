package roadshow.quiz.api;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The question types available now: the built-in ones and those vendors' code bundles
 * registered. When more than one service claims the same id, the one with the highest
 * service ranking (then the lowest service id) is used, as OSGi chooses among services.
 */
@ProviderType
public interface QuestionTypes {

    /** The type with this id, if one is registered. */
    Optional<QuestionType> type(String id);

    /** The ids of every type registered, in alphabetical order. */
    SortedSet<String> ids();

    /**
     * Prepares a question with the type its definition's {@code type} field names.
     *
     * @return as {@link QuestionType#prepare}; refused with a problem on {@code type} when
     *         that field is missing or names no registered type
     */
    Preparation prepare(Map<String, Object> definition);
}
