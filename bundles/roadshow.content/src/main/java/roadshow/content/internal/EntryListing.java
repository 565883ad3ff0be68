package roadshow.content.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the entries a {@link ContentSource} lists and stops the listing at the first
 * one that breaks a limit on entries or paths, before the rest is even looked at: a
 * hostile JAR may hold millions of entries or paths thousands of folders deep.
 *
 * <p>A folder counts once towards the entry limit, whether the JAR lists it or only
 * files inside it, so that a JAR on disk and the same JAR installed (where the
 * framework lists the folders a JAR leaves out) count alike.
 */
final class EntryListing {

    private final ContentLimits limits;
    private final List<String> files = new ArrayList<>();
    private final Set<String> folders = new HashSet<>();

    EntryListing(ContentLimits limits) {
        this.limits = limits;
    }

    /**
     * Adds an entry as the bundle names it, relative to its root; a name ending in
     * {@code /} is a folder.
     *
     * @throws LimitReached when the entry breaks a limit; listing stops there
     */
    void add(String name) throws LimitReached {
        if (name.length() > limits.maxPathLength()) {
            throw new LimitReached(shortened(name), Rule.PATH_TOO_LONG, "the path has " + name.length()
                    + " characters; a path in a bundle may have at most " + limits.maxPathLength());
        }
        boolean folder = name.endsWith("/");
        int depth = 0;
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            depth++;
            if (depth > limits.maxPathDepth()) {
                throw tooDeep(name);
            }
            if (slash > 0 && folders.add(name.substring(0, slash + 1))) {
                count();
            }
        }
        if (!folder) {
            if (depth + 1 > limits.maxPathDepth()) {
                throw tooDeep(name);
            }
            files.add(name);
            count();
        }
    }

    /** The files listed, folders left out, in the order listed. */
    List<String> files() {
        return files;
    }

    private void count() throws LimitReached {
        if (files.size() + folders.size() > limits.maxEntries()) {
            throw new LimitReached(null, Rule.BUNDLE_TOO_MANY_ENTRIES, "the bundle holds more than "
                    + limits.maxEntries() + " entries (files and folders); a bundle may hold at most " + limits.maxEntries());
        }
    }

    private LimitReached tooDeep(String name) {
        return new LimitReached(shortened(name), Rule.PATH_TOO_DEEP, "the path has more than " + limits.maxPathDepth()
                + " segments (folders and file name); a path in a bundle may have at most " + limits.maxPathDepth());
    }

    /** A path short enough to show in a problem. */
    private static String shortened(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200) + "...";
    }

    /** A limit the listing broke; it stopped there. */
    static final class LimitReached extends IOException {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final transient Rule rule;

        LimitReached(String file, Rule rule, String message) {
            super(message);
            this.file = file;
            this.rule = rule;
        }

        /** The entry that broke the limit, or {@code null} when the bundle as a whole did. */
        String file() {
            return file;
        }

        Rule rule() {
            return rule;
        }
    }
}
