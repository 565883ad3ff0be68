package roadshow.identity.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Access;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.People;
import roadshow.identity.api.Subject;
import roadshow.web.api.JsonBody;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Problem;

/**
 * {@code /api/v1/session}: {@code POST {email, password}} logs in and answers
 * {@code {user, csrfToken}} with the session cookie set; {@code DELETE} logs out;
 * {@code GET} tells who is signed in (an extension for the web UI's scripts).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/session")
public class SessionApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SignIn signIn;
    private final transient People people;
    private final transient ApiTokens tokens;

    @Activate
    public SessionApi(@Reference SignIn signIn, @Reference People people, @Reference ApiTokens tokens) {
        this.signIn = signIn;
        this.people = people;
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Subject> subject = Subject.of(request);
        if (subject.isEmpty()) {
            Endpoints.refuse(response, Access.UNAUTHENTICATED);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (subject.get().viaToken()) {
            body.put("token", tokens.find(subject.get().tokenId()).map(TokenJson::of).orElse(null));
        } else {
            body.put("user", people.find(subject.get().personId()).map(p -> PersonJson.of(p, subject.get().roles())).orElse(null));
            body.put("csrfToken", Csrf.token(request));
        }
        Json.send(response, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email;
        String password;
        try {
            JsonNode body = JsonBody.object(request, response);
            email = Endpoints.required(body, "email", response);
            password = Endpoints.required(body, "password", response);
        } catch (Answered answered) {
            return;
        }
        SignIn.Result result = signIn.logIn(email, password, request, response);
        switch (result.logIn().outcome()) {
            case SIGNED_IN -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("user", PersonJson.of(result.logIn().person(), people.roles(result.logIn().person().id())));
                body.put("csrfToken", result.session().csrfToken());
                Json.send(response, body);
            }
            case THROTTLED -> {
                response.setHeader("Retry-After", Long.toString(result.logIn().retryAfter().toSeconds()));
                Problem.of(429, "Too Many Requests", "Too many failed log-ins for this account or from your address. Try again in "
                        + SignIn.minutes(result.logIn().retryAfter()) + ".").send(response);
            }
            case UNVERIFIED -> Problem.of(403, "Forbidden",
                    "Confirm your e-mail address first: follow the link we sent you, or sign up again to get a new one.").send(response);
            default -> Problem.of(401, "Unauthorized", "The e-mail address or the password is wrong.").send(response);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Subject.of(request).filter(s -> !s.viaToken()).isEmpty()) {
            Endpoints.refuse(response, Access.UNAUTHENTICATED);
            return;
        }
        signIn.logOut(request, response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
