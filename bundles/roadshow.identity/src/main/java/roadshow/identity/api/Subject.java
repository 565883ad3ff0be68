package roadshow.identity.api;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Answered;
import roadshow.web.api.Problem;

/**
 * Who a request comes from: a person signed in with a session, or an integration with an
 * API token scoped to one organisation or vendor (then {@code personId} is null and the
 * token's scope is in {@code roles}). Roadshow's authentication filter puts it on every
 * authenticated request; {@link #of(ServletRequest)} reads it back.
 */
public record Subject(String personId, String name, String email, String org, List<Role> roles, String tokenId) {

    /** The request attribute holding the subject of an authenticated request. */
    public static final String ATTRIBUTE = "roadshow.identity.subject";

    public Subject {
        roles = List.copyOf(roles);
    }

    /** The subject of {@code request}, or empty when nobody signed in and no token came with it. */
    public static Optional<Subject> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Subject subject ? Optional.of(subject) : Optional.empty();
    }

    /**
     * The person signed in on this browser, for a page that is theirs alone. Without one
     * the browser is sent to the log-in page, to come back here (path and query) after;
     * an integration's token is refused (403), since a page is for a person. Either way
     * the response is then answered and the result is empty.
     */
    public static Optional<Subject> signedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Subject> subject = of(request);
        if (subject.isEmpty()) {
            String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
        } else if (subject.get().viaToken()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This page is for a person signed in, not an integration's token.");
            return Optional.empty();
        }
        return subject;
    }

    /**
     * The id of the person making {@code request}, for endpoints that act on a person's own
     * records: a visitor is answered 401 and an integration's token 403, both saying
     * {@code purpose} ("take a quiz"), and {@link Answered} is thrown.
     */
    public static String person(HttpServletRequest request, HttpServletResponse response, String purpose)
            throws IOException, Answered {
        Optional<Subject> subject = of(request);
        if (subject.isEmpty()) {
            Problem.of(401, "Unauthorized", "Log in to " + purpose + ": what you do is kept in your account.").send(response);
            throw new Answered();
        }
        if (subject.get().viaToken()) {
            Problem.of(403, "Forbidden", "Only a person can " + purpose + ", not an integration's token.").send(response);
            throw new Answered();
        }
        return subject.get().personId();
    }

    /** Whether this is an integration's API token rather than a person. */
    public boolean viaToken() {
        return tokenId != null;
    }

    /** For the audit log: the person's id, or {@code token:<id>}. */
    public String actorId() {
        return viaToken() ? "token:" + tokenId : personId;
    }

    public boolean isAdmin() {
        return roles.stream().anyMatch(r -> r.kind() == Role.Kind.ADMIN);
    }

    /** The organisations this subject is an admin of directly (not counting their children). */
    public Set<String> adminOf() {
        return roles.stream().filter(r -> r.kind() == Role.Kind.ORG_ADMIN).map(Role::org).collect(Collectors.toSet());
    }

    /** The vendors this subject is an author at. */
    public Set<String> authorAt() {
        return roles.stream().filter(r -> r.kind() == Role.Kind.VENDOR_AUTHOR).map(Role::vendor)
                .collect(Collectors.toSet());
    }
}
