package roadshow.identity.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.People;
import roadshow.identity.api.Sessions;
import roadshow.identity.api.Sessions.Session;
import roadshow.identity.api.Subject;
import roadshow.web.api.Problem;
import roadshow.web.api.RequestPath;
import roadshow.web.api.Viewer;

/**
 * Finds out who every request comes from, once, before any page or endpoint sees it: a
 * bearer token, or the session cookie. It puts the {@link Subject} and the layout's
 * {@link Viewer} on the request, refuses a state-changing request whose CSRF token is
 * missing or wrong, and keeps a person who must choose a new password to that page.
 */
@Component(service = Filter.class, configurationPid = IdentityConfiguration.PID)
@HttpWhiteboardFilterPattern("/*")
public class Authentication implements Filter {

    /** The cookie holding a visitor's CSRF token, matched against their forms' (double submit). */
    static final String VISITOR_CSRF_COOKIE = "roadshow-csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Where a person who must change their password may still go. */
    private static final List<String> PASSWORD_CHANGE_PATHS = List.of("/account/password", "/logout", "/static/",
            "/api/v1/session", "/favicon");

    private static final Duration TOKEN_USE_EVERY = Duration.ofMinutes(1);

    /** When each token's use was last recorded here. */
    private final Map<String, Instant> tokenUses = new ConcurrentHashMap<>();
    private final Sessions sessions;
    private final People people;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private volatile boolean signupEnabled;

    @Activate
    public Authentication(@Reference Sessions sessions, @Reference People people, @Reference ApiTokens tokens,
            @Reference AuditLog audit, IdentityConfiguration config) {
        this.sessions = sessions;
        this.people = people;
        this.tokens = tokens;
        this.audit = audit;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        signupEnabled = config.signup_enabled();
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Optional<Subject> subject = bearer(authorization).flatMap(tokens::authenticate);
            if (subject.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problem.of(401, "Unauthorized", "The bearer token is unknown or revoked.").send(response);
                return;
            }
            request.setAttribute(Subject.ATTRIBUTE, subject.get());
            request.setAttribute(Csrf.ATTRIBUTE, (Supplier<String>) () -> "");
            recordUse(subject.get(), request);
            chain.doFilter(request, response);
            return;
        }
        // A browser may send the cookie twice (one set for another path or domain, say): the live one counts.
        List<String> secrets = cookies(request, Sessions.COOKIE);
        Optional<Session> session = secrets.stream().map(sessions::find).flatMap(Optional::stream).findFirst();
        if (session.isEmpty() && !secrets.isEmpty()) {
            Cookies.expire(request, response, Sessions.COOKIE);
        }
        Optional<People.Account> account = session.flatMap(s -> people.account(s.personId()));
        if (account.isPresent()) {
            Subject subject = account.get().subject();
            request.setAttribute(Subject.ATTRIBUTE, subject);
            String csrf = session.get().csrfToken();
            request.setAttribute(Csrf.ATTRIBUTE, (Supplier<String>) () -> csrf);
            request.setAttribute(Viewer.ATTRIBUTE, Menu.viewer(subject, csrf));
            if (!SAFE_METHODS.contains(request.getMethod()) && !logInByApi(request) && !matches(submittedToken(request), csrf)) {
                refuseForgery(request, response);
                return;
            }
            String path = RequestPath.of(request);
            if (account.get().person().passwordChangeRequired() && PASSWORD_CHANGE_PATHS.stream().noneMatch(path::startsWith)) {
                if (path.startsWith("/api/")) {
                    Problem.of(403, "Forbidden", "Choose a new password at /account/password first.").send(response);
                } else {
                    response.sendRedirect("/account/password");
                }
                return;
            }
        } else {
            VisitorToken visitor = new VisitorToken(request, response);
            request.setAttribute(Csrf.ATTRIBUTE, visitor);
            request.setAttribute(Viewer.ATTRIBUTE, Menu.visitor(signupEnabled));
            if (!SAFE_METHODS.contains(request.getMethod()) && !api(request)
                    && !matches(submittedToken(request), visitor.existing())) {
                refuseForgery(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Records that a token was used, once a minute per token and node at most: enough to see
     * which integrations are alive and from where, without a row per request.
     */
    private void recordUse(Subject token, HttpServletRequest request) {
        Instant now = Instant.now();
        Instant last = tokenUses.get(token.tokenId());
        if (last != null && last.plus(TOKEN_USE_EVERY).isAfter(now)) {
            return;
        }
        tokenUses.put(token.tokenId(), now);
        if (tokenUses.size() > 10_000) {
            tokenUses.clear();
        }
        audit.record(AuditEvent.of(token.actorId(), token.name(), "token.use", "token", token.tokenId(),
                "Token '" + token.name() + "' called " + request.getMethod() + " " + request.getRequestURI() + ".",
                request.getRemoteAddr()));
    }

    /**
     * A log-in through the API needs no session's token: it takes only JSON, which no other
     * site's page can send without the browser asking first, and the person logging in may
     * not know the token of a session someone planted in their browser, which the log-in ends.
     */
    private static boolean logInByApi(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/session".equals(RequestPath.of(request)) && json(request);
    }

    private static Optional<String> bearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(authorization.substring(7).strip())
                : Optional.empty();
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        return cookies(request, name).stream().findFirst();
    }

    /** Every value of the cookies called {@code name}, at most a few. */
    static List<String> cookies(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        List<String> values = new ArrayList<>(1);
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && values.size() < 4) {
                    values.add(cookie.getValue());
                }
            }
        }
        return values;
    }

    /**
     * A visitor's call to the API, which needs no token: its endpoints take only
     * {@code application/json}, which another site's page cannot send without the browser
     * asking first, and a visitor has no session to act in anyway. Every change a visitor
     * sends to a page carries the token of their cookie.
     */
    private static boolean api(HttpServletRequest request) {
        return RequestPath.of(request).startsWith("/api/");
    }

    private static boolean json(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * The token a request carries: the header, or the form field. The field is read from the
     * body only of a URL-encoded form; a multipart upload carries it in the query string, so
     * that the filter need not parse an upload to check it.
     */
    private static String submittedToken(HttpServletRequest request) {
        String header = request.getHeader(Csrf.HEADER);
        if (header != null) {
            return header;
        }
        String type = request.getContentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            try {
                return request.getParameter(Csrf.FIELD);
            } catch (RuntimeException unreadableForm) {
                // a form the container refuses to parse (too large, malformed) carries no token
                return null;
            }
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(Csrf.FIELD + "=")) {
                    return URLDecoder.decode(pair.substring(Csrf.FIELD.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static boolean matches(String submitted, String expected) {
        return submitted != null && expected != null && !expected.isEmpty()
                && MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void refuseForgery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        audit.record(AuditEvent.of(Subject.of(request).map(Subject::actorId).orElse("visitor"),
                Subject.of(request).map(Subject::name).orElse(null), "request.csrf-refused", null, null,
                request.getMethod() + " " + request.getRequestURI() + " came without the right CSRF token.",
                request.getRemoteAddr()));
        if (RequestPath.of(request).startsWith("/api/")) {
            Problem.of(403, "Forbidden", "The CSRF token is missing or wrong: send the session's token as " + Csrf.HEADER + ".")
                    .send(response);
        } else {
            response.sendError(403, "This form has expired or did not come from Roadshow (its CSRF token is missing or wrong). "
                    + "Reload the page and try again.");
        }
    }

    /** A visitor's CSRF token: the one in their cookie, or a new one set as the cookie when a page first asks. */
    private static final class VisitorToken implements Supplier<String> {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private String token;

        VisitorToken(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.token = cookie(request, VISITOR_CSRF_COOKIE).filter(t -> t.length() >= 32 && t.length() <= 64).orElse(null);
        }

        String existing() {
            return token;
        }

        @Override
        public synchronized String get() {
            if (token == null) {
                token = Secrets.random(24);
                Cookies.set(request, response, VISITOR_CSRF_COOKIE, token, -1);
            }
            return token;
        }
    }
}
