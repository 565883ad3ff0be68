package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order an attempt shows things in. Fisher-Yates written out rather than
 * {@code Collections.shuffle}, so that a generator in a given state gives the same
 * order on every JDK, and an attempt can be shown again exactly as it was.
 */
final class Shuffle {

    private Shuffle() {
    }

    /**
     * A uniformly random order of {@code list}. Every order is as likely, the written one
     * included: never showing the right order would tell the learner something about it
     * (with two items, everything).
     */
    static <T> List<T> of(List<T> list, RandomGenerator random) {
        List<T> shuffled = new ArrayList<>(list);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swapped);
        }
        return shuffled;
    }
}
