package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.QuestionProblem;
import roadshow.quiz.api.QuestionType;
import roadshow.quiz.api.QuestionTypes;

/**
 * The question types registered as services, the built-in ones among them. A type that
 * a vendor's code bundle adds comes and goes with that bundle; a quiz that uses it can
 * only be taken while it is here.
 */
@Component(service = QuestionTypes.class)
public class RegisteredQuestionTypes implements QuestionTypes {

    /** A registered type, with what decides between two that claim the same id. */
    private record Registered(QuestionType type, int ranking, long serviceId) {
    }

    /** Highest ranking first, then the oldest service, as OSGi picks the service to use. */
    private static final Comparator<Registered> PREFERRED = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);

    private final Object lock = new Object();
    private final Map<String, List<Registered>> types = new HashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(QuestionType type, Map<String, Object> properties) {
        Registered registered = new Registered(type,
                properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0,
                properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE);
        synchronized (lock) {
            List<Registered> candidates = types.computeIfAbsent(type.id(), id -> new ArrayList<>());
            candidates.add(registered);
            candidates.sort(PREFERRED);
        }
    }

    void removeType(QuestionType type) {
        synchronized (lock) {
            types.values().forEach(candidates -> candidates.removeIf(r -> r.type() == type));
            types.values().removeIf(List::isEmpty);
        }
    }

    @Override
    public Optional<QuestionType> type(String id) {
        synchronized (lock) {
            List<Registered> candidates = types.get(id);
            return candidates == null ? Optional.empty() : Optional.of(candidates.get(0).type());
        }
    }

    @Override
    public SortedSet<String> ids() {
        synchronized (lock) {
            return new TreeSet<>(types.keySet());
        }
    }

    @Override
    public Preparation prepare(Map<String, Object> definition) {
        Object id = definition == null ? null : definition.get("type");
        if (!(id instanceof String typeId)) {
            return Preparation.refused(List.of(new QuestionProblem("type", "'type' is required")));
        }
        return type(typeId).map(type -> type.prepare(definition))
                .orElseGet(() -> Preparation.refused(List.of(new QuestionProblem("type", "unknown question type '" + typeId
                        + "'; the types are " + String.join(", ", ids())))));
    }
}
