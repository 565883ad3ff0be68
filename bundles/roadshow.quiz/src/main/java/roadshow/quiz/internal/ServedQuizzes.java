package roadshow.quiz.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Quiz;

/**
 * The quizzes of the content bundles active now. A bundle that goes away takes its
 * quizzes with it: its learners' attempts stay, but cannot go on until it is back.
 */
@Component(service = QuizSource.class)
public class ServedQuizzes implements QuizSource {

    private final List<ContentBundle> bundles = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBundle(ContentBundle bundle) {
        bundles.add(bundle);
    }

    void removeBundle(ContentBundle bundle) {
        bundles.remove(bundle);
    }

    @Override
    public Optional<Served> quiz(String globalId) {
        int slash = globalId == null ? -1 : globalId.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String vendor = globalId.substring(0, slash);
        String id = globalId.substring(slash + 1);
        for (ContentBundle bundle : bundles) {
            if (bundle.vendor().equals(vendor)) {
                Optional<Quiz> quiz = bundle.quiz(id);
                if (quiz.isPresent()) {
                    return Optional.of(new Served(quiz.get(), bundle.version(),
                            bundle.courses().stream().filter(course -> globalId.equals(course.quiz())).toList()));
                }
            }
        }
        return Optional.empty();
    }
}
