package roadshow.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.People;
import roadshow.identity.api.People.LogIn;
import roadshow.identity.api.Person;
import roadshow.identity.api.Sessions;
import roadshow.identity.api.Sessions.Session;
import roadshow.identity.api.Subject;
import roadshow.web.api.Viewer;

/**
 * Logging in and out, as the log-in page and {@code /api/v1/session} both do it: check the
 * password, start a new session with a new secret (whatever session the browser had before
 * ends, so a planted session id never becomes a signed-in one), set the cookie, and record
 * it in the audit log.
 */
@Component(service = SignIn.class)
public class SignIn {

    /** What a log-in came to; {@code session} is set when it succeeded. */
    record Result(LogIn logIn, Session session) {
    }

    private final People people;
    private final Sessions sessions;
    private final AuditLog audit;

    @Activate
    public SignIn(@Reference People people, @Reference Sessions sessions, @Reference AuditLog audit) {
        this.people = people;
        this.sessions = sessions;
        this.audit = audit;
    }

    Result logIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        LogIn logIn = people.logIn(email, password, address);
        String who = email == null ? "" : email.strip();
        switch (logIn.outcome()) {
            case SIGNED_IN -> {
                Person person = logIn.person();
                Session session = start(person, request, response);
                audit.record(AuditEvent.of(person.id(), person.name(), "session.login", "person", person.id(),
                        person.name() + " logged in.", address));
                return new Result(logIn, session);
            }
            case THROTTLED -> audit.record(AuditEvent.of("visitor", null, "session.login-throttled", null, null,
                    "A log-in as " + who + " was refused: too many failures, blocked for " + minutes(logIn.retryAfter()) + ".", address));
            case UNVERIFIED -> audit.record(AuditEvent.of(logIn.person().id(), logIn.person().name(), "session.login-unverified",
                    "person", logIn.person().id(), "A log-in waits for the e-mail address to be verified.", address));
            default -> audit.record(AuditEvent.of("visitor", null, "session.login-failed", null, null,
                    "A log-in as " + who + " failed.", address));
        }
        return new Result(logIn, null);
    }

    /** Starts a session for someone whose identity a link or a new account has just proved. */
    Session start(Person person, HttpServletRequest request, HttpServletResponse response) {
        Authentication.cookies(request, Sessions.COOKIE).forEach(sessions::close);
        Session session = sessions.open(person.id());
        Cookies.set(request, response, Sessions.COOKIE, session.secret(),
                Duration.between(Instant.now(), session.expiresAt()).toSeconds());
        // The page answering this request is the first the person sees signed in.
        Subject subject = new People.Account(person, people.roles(person.id())).subject();
        request.setAttribute(Subject.ATTRIBUTE, subject);
        request.setAttribute(Csrf.ATTRIBUTE, (Supplier<String>) session::csrfToken);
        request.setAttribute(Viewer.ATTRIBUTE, Menu.viewer(subject, session.csrfToken()));
        return session;
    }

    void logOut(HttpServletRequest request, HttpServletResponse response) {
        Authentication.cookies(request, Sessions.COOKIE).forEach(sessions::close);
        Cookies.expire(request, response, Sessions.COOKIE);
        request.removeAttribute(Viewer.ATTRIBUTE);
        Subject.of(request).ifPresent(subject -> audit.record(AuditEvent.of(subject.actorId(), subject.name(), "session.logout",
                "person", subject.personId(), subject.name() + " logged out.", request.getRemoteAddr())));
    }

    static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
