package roadshow.content.internal;

/**
 * The rule every path in a content bundle follows, whether a JAR entry's name or a
 * path a vendor writes in YAML: relative, with {@code /} separators, and never
 * climbing out of where it starts. A path is checked as written, before anything
 * resolves it, so {@code lessons/../../x} is refused even where it would land inside.
 */
final class ContentPaths {

    private ContentPaths() {
    }

    /** What is wrong with {@code path}, or {@code null} when it is a safe relative path. */
    static Violation check(String path) {
        if (path.isEmpty()) {
            return new Violation(Rule.PATH_INVALID, "the path is empty");
        }
        if (path.indexOf('\\') >= 0) {
            return new Violation(Rule.PATH_OUTSIDE, "'" + path + "' contains a backslash; separate folders with '/'");
        }
        if (path.startsWith("/")) {
            return new Violation(Rule.PATH_OUTSIDE, "'" + path + "' is absolute; write it relative to its folder");
        }
        String first = path.split("/", 2)[0];
        if (first.indexOf(':') >= 0) {
            return new Violation(Rule.PATH_OUTSIDE,
                    "'" + path + "' names a drive or a URL; write a path relative to its folder");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return new Violation(Rule.PATH_OUTSIDE, "'" + path + "' climbs out of its folder with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return new Violation(Rule.PATH_INVALID, "'" + path + "' has an empty or '.' segment");
            }
            if (segment.chars().anyMatch(Character::isISOControl)) {
                return new Violation(Rule.PATH_INVALID, "'" + path + "' contains a control character");
            }
        }
        return null;
    }

    record Violation(Rule rule, String message) {
    }
}
