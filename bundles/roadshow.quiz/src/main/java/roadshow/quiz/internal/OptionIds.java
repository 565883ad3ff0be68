package roadshow.quiz.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids for things the format writes without one (items to order, the sides of a match).
 * Their position cannot be the id, since the written order is the answer; an id is a
 * digest of the text instead, which tells the learner nothing the text does not, and
 * stays the same across attempts and across versions of the bundle that keep the text.
 */
final class OptionIds {

    private OptionIds() {
    }

    /**
     * One id per text, in the same order; a text written twice gets a different id for
     * each time it is written.
     */
    static List<String> of(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<String> digests = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String text : texts) {
            int occurrence = seen.merge(text, 1, Integer::sum) - 1;
            digests.add(digest(occurrence == 0 ? text : text + "\u0000" + occurrence));
        }
        // as short as they can be while telling them apart
        for (int length = 6; ; length += 2) {
            Set<String> ids = new HashSet<>();
            List<String> shortened = new ArrayList<>();
            for (String digest : digests) {
                String id = digest.substring(0, Math.min(length, digest.length()));
                ids.add(id);
                shortened.add(id);
            }
            if (ids.size() == digests.size() || length >= digests.get(0).length()) {
                return shortened;
            }
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
