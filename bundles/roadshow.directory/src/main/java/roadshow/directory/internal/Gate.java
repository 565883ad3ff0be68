package roadshow.directory.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;

/**
 * Asks {@link Authorization} on behalf of a directory page, and answers a refusal the way
 * every one of them does: a visitor is sent to log in and brought back, anyone else gets
 * the status (404 for someone else's object, so that nothing leaks).
 */
final class Gate {

    private Gate() {
    }

    /** The subject, when allowed; otherwise empty, with the refusal sent. */
    static Optional<Subject> admit(Authorization authorization, Permission permission, Target target,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        Access access = authorization.access(subject, permission, target);
        if (access.allowed()) {
            return Optional.of(subject);
        }
        if (access == Access.UNAUTHENTICATED) {
            response.sendRedirect("/login?next=" + URLEncoder.encode(comeBackTo(request), StandardCharsets.UTF_8));
        } else {
            response.sendError(access.status()); // the web bundle's error page says why
        }
        return Optional.empty();
    }

    /** The page to return to after logging in: this one, with its query when it was a GET. */
    private static String comeBackTo(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + ("GET".equals(request.getMethod()) && query != null ? "?" + query : "");
    }
}
