package roadshow.learning.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.catalog.api.Catalog;
import roadshow.learning.api.Learning;
import roadshow.quiz.api.AttemptListener;
import roadshow.quiz.api.AttemptResult;

/**
 * A quiz passed completes the courses it belongs to whose lessons are all done: their
 * completion is recorded, and told, as the quiz is passed rather than when the learner
 * next looks.
 */
@Component
public class QuizPassed implements AttemptListener {

    private final Learning learning;
    private final Catalog catalog;

    @Activate
    public QuizPassed(@Reference Learning learning, @Reference Catalog catalog) {
        this.learning = learning;
        this.catalog = catalog;
    }

    @Override
    public void submitted(String personId, String quiz, String attempt, AttemptResult result, Instant at) {
        if (!result.passed()) {
            return;
        }
        catalog.courses().stream()
                .filter(course -> quiz.equals(course.course().quiz()))
                .forEach(course -> learning.progress(personId, course.globalId()));
    }
}
