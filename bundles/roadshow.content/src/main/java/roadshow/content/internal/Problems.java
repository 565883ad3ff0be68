package roadshow.content.internal;

import java.util.ArrayList;
import java.util.List;

import roadshow.content.api.ContentProblem;

/** Collects every problem found in a bundle, in the order found, so that none hides another. */
final class Problems {

    private final List<ContentProblem> found = new ArrayList<>();

    void add(String file, Integer line, Rule rule, String message) {
        found.add(new ContentProblem(file, line, rule.id(), message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<ContentProblem> list() {
        return List.copyOf(found);
    }
}
