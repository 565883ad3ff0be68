package roadshow.directory.internal;

import jakarta.servlet.http.HttpServletRequest;

/** Reading the id out of a path such as {@code /admin/people/{id}}. */
final class Paths {

    /** Longer than any id the identity tables hold (UUIDs, slugs of 64). */
    private static final int MAX_ID = 64;

    private Paths() {
    }

    /** The one path segment after the servlet's pattern, as {@link #segment(String)}. */
    static String segment(HttpServletRequest request) {
        return segment(request.getPathInfo());
    }

    /**
     * The one path segment after the servlet's pattern: {@code ""} for the pattern itself
     * (with or without a trailing slash), null for anything deeper or longer, which is no page.
     */
    static String segment(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return "";
        }
        String id = pathInfo.substring(1);
        return id.isEmpty() || id.length() > MAX_ID || id.contains("/") ? null : id;
    }
}
