package roadshow.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Invitations;
import roadshow.identity.api.Invitations.Invitation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.PasswordResets;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.web.api.Pages;

/**
 * The pages a person uses for their own account: log in and out, sign up and confirm the
 * address, forgotten and changed passwords, their profile, and accepting an invitation.
 * Every form is a plain POST with the CSRF token, so it all works without script.
 */
@Component(service = Servlet.class, configurationPid = IdentityConfiguration.PID)
@HttpWhiteboardServletPattern({"/login", "/logout", "/signup", "/verify", "/password/*", "/account", "/account/*", "/invitations/*"})
public class AccountPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final transient Pages pages;
    private final transient People people;
    private final transient Organisations organisations;
    private final transient PasswordResets links;
    private final transient Invitations invitations;
    private final transient SignIn signIn;
    private final transient AccountMail mail;
    private final transient AuditLog audit;
    private transient volatile IdentityConfiguration config;

    @Activate
    public AccountPages(@Reference Pages pages, @Reference People people, @Reference Organisations organisations,
            @Reference PasswordResets links, @Reference Invitations invitations, @Reference SignIn signIn,
            @Reference AccountMail mail, @Reference AuditLog audit, IdentityConfiguration config) {
        this.pages = pages;
        this.people = people;
        this.organisations = organisations;
        this.links = links;
        this.invitations = invitations;
        this.signIn = signIn;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.config = config;
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        switch (path(request)) {
            case "/login" -> login(request, response, "", localPath(request.getParameter("next")), null, 200);
            case "/signup" -> {
                if (!config.signup_enabled()) {
                    response.sendError(404);
                    return;
                }
                signup(request, response, "", "", Map.of(), 200);
            }
            case "/verify" -> confirm(request, response, 200, token, Map.of());
            case "/password/forgot" -> render(request, response, 200, "forgot.ftlh", Map.of("email", "", "errors", Map.of()));
            case "/password/reset" -> {
                if (links.check(token).isEmpty()) {
                    linkGone(request, response);
                    return;
                }
                passwordForm(request, response, 200, "/password/reset", token, false, false, Map.of());
            }
            case "/account" -> withPerson(request, response, person -> account(request, response, person, person.name(), Map.of(), null, 200));
            case "/account/password" -> withPerson(request, response, person -> passwordForm(request, response, 200, "/account/password",
                    null, true, person.passwordChangeRequired(), Map.of()));
            case "/invitations/accept" -> {
                Optional<Invitation> invitation = invitations.find(token);
                if (invitation.isEmpty()) {
                    linkGone(request, response);
                    return;
                }
                invitation(request, response, invitation.get(), token, "", Map.of(), 200);
            }
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String token = request.getParameter("token");
        switch (path(request)) {
            case "/login" -> postLogin(request, response);
            case "/logout" -> {
                signIn.logOut(request, response);
                response.sendRedirect("/");
            }
            case "/signup" -> postSignup(request, response);
            case "/verify" -> {
                Optional<Person> verified;
                try {
                    verified = links.verify(token, request.getParameter("password"));
                } catch (IdentityException e) {
                    confirm(request, response, 403, token, Map.of("password", e.getMessage()));
                    return;
                }
                if (verified.isEmpty()) {
                    linkGone(request, response);
                    return;
                }
                signIn.start(verified.get(), request, response);
                audit.record(AuditEvent.of(verified.get().id(), verified.get().name(), "person.verify", "person", verified.get().id(),
                        verified.get().email() + " was verified.", request.getRemoteAddr()));
                message(request, response, 200, "Your address is confirmed",
                        List.of("Welcome to Roadshow, " + verified.get().name() + ". You are logged in."), "/", "Browse the catalog");
            }
            case "/password/forgot" -> postForgot(request, response);
            case "/password/reset" -> postReset(request, response, token);
            case "/account" -> withPerson(request, response, person -> {
                String name = request.getParameter("name");
                try {
                    people.rename(person.id(), name);
                    account(request, response, people.find(person.id()).orElseThrow(), name, Map.of(), "Your name is saved.", 200);
                } catch (IdentityException e) {
                    account(request, response, person, name, Map.of("name", e.getMessage()), null, 422);
                }
            });
            case "/account/password" -> withPerson(request, response, person -> postChangePassword(request, response, person));
            case "/invitations/accept" -> postAcceptInvitation(request, response, token);
            default -> response.sendError(404);
        }
    }

    private void postLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Optional.ofNullable(request.getParameter("email")).orElse("");
        String next = localPath(request.getParameter("next"));
        SignIn.Result result = signIn.logIn(email, request.getParameter("password"), request, response);
        switch (result.logIn().outcome()) {
            case SIGNED_IN -> seeOther(response, result.logIn().person().passwordChangeRequired() ? "/account/password" : next);
            case THROTTLED -> {
                response.setHeader("Retry-After", Long.toString(result.logIn().retryAfter().toSeconds()));
                login(request, response, email, next, "Too many failed log-ins for this account or from your address. Try again in "
                        + SignIn.minutes(result.logIn().retryAfter()) + ", or reset your password.", 429);
            }
            case UNVERIFIED -> {
                mail.verification(result.logIn().person());
                login(request, response, email, next, "Confirm your e-mail address first: we have sent you a new link.", 403);
            }
            default -> login(request, response, email, next, "The e-mail address or the password is wrong.", 401);
        }
    }

    /** A 303 to a path of this site, set as it is: sendRedirect would resolve it first. */
    private static void seeOther(HttpServletResponse response, String localPath) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", localPath);
    }

    private void postSignup(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.signup_enabled()) {
            response.sendError(404);
            return;
        }
        String name = Optional.ofNullable(request.getParameter("name")).orElse("");
        String email = Optional.ofNullable(request.getParameter("email")).orElse("");
        String password = request.getParameter("password");
        Map<String, String> errors = new LinkedHashMap<>();
        collect(errors, "name", () -> Validation.name(name, "name"));
        collect(errors, "email", () -> Validation.email(email));
        collect(errors, "password", () -> Validation.password(password, config.password_min_length()));
        if (!errors.isEmpty()) {
            signup(request, response, name, email, errors, 422);
            return;
        }
        // The page says the same whether the address has an account or not, and the owner of
        // an existing one gets a mail saying so, so that sign-up tells nobody who has an account.
        try {
            Person person = people.register(new People.Registration(email, name, password, null, false));
            mail.verification(person);
            audit.record(AuditEvent.of(person.id(), person.name(), "person.signup", "person", person.id(),
                    person.email() + " signed up.", request.getRemoteAddr()));
        } catch (IdentityException e) {
            if (e.reason() != IdentityException.Reason.CONFLICT) {
                signup(request, response, name, email, Map.of(e.field() == null ? "email" : e.field(), e.getMessage()), 422);
                return;
            }
            people.findByEmail(email).ifPresent(mail::alreadyRegistered);
        }
        message(request, response, 200, "Check your inbox", List.of("We have sent a link to " + email.strip()
                + ". Follow it to confirm your address and finish creating your account.",
                "Nothing there after a few minutes? Look in your spam folder, or sign up again for a new link."), null, null);
    }

    private void postForgot(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Optional.ofNullable(request.getParameter("email")).orElse("");
        try {
            Validation.email(email);
        } catch (IdentityException e) {
            render(request, response, 422, "forgot.ftlh", Map.of("email", email, "errors", Map.of("email", e.getMessage())));
            return;
        }
        links.issue(email).ifPresent(secret -> {
            Person person = people.findByEmail(email).orElseThrow();
            mail.passwordReset(person, secret);
            audit.record(AuditEvent.of("visitor", null, "password.reset-requested", "person", person.id(),
                    "A password-reset link was sent to " + person.email() + ".", request.getRemoteAddr()));
        });
        message(request, response, 200, "Check your inbox", List.of("If " + email.strip()
                + " has an account, we have sent it a link to choose a new password. The link works for "
                + config.link_minutes() + " minutes, once."), "/login", "Back to log in");
    }

    private void postReset(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Map<String, String> errors = newPasswordErrors(request);
        if (!errors.isEmpty()) {
            if (links.check(token).isEmpty()) {
                linkGone(request, response);
                return;
            }
            passwordForm(request, response, 422, "/password/reset", token, false, false, errors);
            return;
        }
        try {
            Person person = links.reset(token, request.getParameter("password"));
            signIn.start(person, request, response);
            audit.record(AuditEvent.of(person.id(), person.name(), "password.reset", "person", person.id(),
                    person.name() + " chose a new password through a reset link.", request.getRemoteAddr()));
            message(request, response, 200, "Your password is changed",
                    List.of("You are logged in with your new password; every other session has ended."), "/", "Go to the catalog");
        } catch (IdentityException e) {
            if (e.reason() == IdentityException.Reason.NOT_FOUND) {
                linkGone(request, response);
            } else {
                passwordForm(request, response, 422, "/password/reset", token, false, false, Map.of("password", e.getMessage()));
            }
        }
    }

    private void postChangePassword(HttpServletRequest request, HttpServletResponse response, Person person) throws IOException {
        Map<String, String> errors = newPasswordErrors(request);
        if (errors.isEmpty()) {
            try {
                people.changePassword(person.id(), request.getParameter("currentPassword"), request.getParameter("password"));
                // Every session ended with the change, this one too: start a fresh one for the person at the keyboard.
                signIn.start(person, request, response);
                audit.record(AuditEvent.of(person.id(), person.name(), "password.change", "person", person.id(),
                        person.name() + " changed their password.", request.getRemoteAddr()));
                response.sendRedirect("/account?saved=password");
                return;
            } catch (IdentityException e) {
                errors.put(e.reason() == IdentityException.Reason.WRONG_PASSWORD ? "currentPassword" : "password", e.getMessage());
            }
        }
        passwordForm(request, response, 422, "/account/password", null, true, person.passwordChangeRequired(), errors);
    }

    private void postAcceptInvitation(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<Invitation> invitation = invitations.find(token);
        if (invitation.isEmpty()) {
            linkGone(request, response);
            return;
        }
        String name = Optional.ofNullable(request.getParameter("name")).orElse("");
        try {
            Person person = invitations.accept(token, name, request.getParameter("password"));
            signIn.start(person, request, response);
            audit.record(AuditEvent.of(person.id(), person.name(), "org.join", "org", invitation.get().org(),
                    person.email() + " accepted the invitation of " + invitation.get().invitedBy() + ".", request.getRemoteAddr()));
            message(request, response, 200, "Welcome to " + organisations.find(invitation.get().org()).map(o -> o.name()).orElse("your organisation"),
                    List.of("You are logged in and part of your organisation on Roadshow."), "/", "Browse the catalog");
        } catch (IdentityException e) {
            if (e.reason() == IdentityException.Reason.NOT_FOUND) {
                linkGone(request, response);
            } else {
                invitation(request, response, invitation.get(), token, name, Map.of(e.field() == null ? "password" : e.field(), e.getMessage()),
                        e.reason() == IdentityException.Reason.WRONG_PASSWORD ? 403 : 422);
            }
        }
    }

    private Map<String, String> newPasswordErrors(HttpServletRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String password = request.getParameter("password");
        collect(errors, "password", () -> Validation.password(password, config.password_min_length()));
        if (errors.isEmpty() && !password.equals(request.getParameter("confirmation"))) {
            errors.put("confirmation", "The two passwords are not the same.");
        }
        return errors;
    }

    private static void collect(Map<String, String> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (IdentityException e) {
            errors.put(field, e.getMessage());
        }
    }

    /** A page for someone signed in as a person; a visitor is sent to log in first. */
    private void withPerson(HttpServletRequest request, HttpServletResponse response, PersonPage page) throws IOException {
        Optional<Person> person = Subject.of(request).filter(s -> !s.viaToken()).flatMap(s -> people.find(s.personId()));
        if (person.isEmpty()) {
            response.sendRedirect("/login?next=" + URLEncoder.encode(path(request), StandardCharsets.UTF_8));
            return;
        }
        page.render(person.get());
    }

    @FunctionalInterface
    private interface PersonPage {
        void render(Person person) throws IOException;
    }

    private void login(HttpServletRequest request, HttpServletResponse response, String email, String next, String message, int status)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("next", next);
        model.put("signupEnabled", config.signup_enabled());
        if (message != null) {
            model.put("message", message);
        }
        render(request, response, status, "login.ftlh", model);
    }

    private void signup(HttpServletRequest request, HttpServletResponse response, String name, String email, Map<String, String> errors,
            int status) throws IOException {
        render(request, response, status, "signup.ftlh",
                Map.of("name", name, "email", email, "errors", errors, "minLength", config.password_min_length()));
    }

    private void account(HttpServletRequest request, HttpServletResponse response, Person person, String name, Map<String, String> errors,
            String saved, int status) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        model.put("name", name);
        model.put("errors", errors);
        model.put("since", DAY.format(person.createdAt()));
        model.put("roles", people.roles(person.id()).stream().map(AccountPages::describe).toList());
        if (person.org() != null) {
            organisations.find(person.org()).ifPresent(org -> model.put("org", org));
        }
        if (saved != null) {
            model.put("saved", saved);
        } else if ("password".equals(request.getParameter("saved"))) {
            model.put("saved", "Your new password is saved. Every other session has ended.");
        }
        render(request, response, status, "account.ftlh", model);
    }

    static String describe(Role role) {
        return switch (role.kind()) {
            case LEARNER -> "learner";
            case ADMIN -> "platform admin";
            case ORG_ADMIN -> "admin of " + role.org();
            case VENDOR_AUTHOR -> "author at " + role.vendor();
        };
    }

    private void passwordForm(HttpServletRequest request, HttpServletResponse response, int status, String action, String token,
            boolean askCurrent, boolean required, Map<String, String> errors) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("action", action);
        model.put("askCurrent", askCurrent);
        model.put("required", required);
        model.put("errors", errors);
        model.put("minLength", config.password_min_length());
        if (token != null) {
            model.put("token", token);
        }
        render(request, response, status, "password.ftlh", model);
    }

    private void invitation(HttpServletRequest request, HttpServletResponse response, Invitation invitation, String token, String name,
            Map<String, String> errors, int status) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("invitation", invitation);
        model.put("org", organisations.find(invitation.org()).orElseThrow());
        model.put("token", token);
        model.put("name", name);
        model.put("errors", errors);
        // new: no account; unconfirmed: an account nobody proved is theirs, made afresh; member: a confirmed account
        model.put("mode", people.findByEmail(invitation.email()).map(p -> p.emailVerified() ? "member" : "unconfirmed").orElse("new"));
        model.put("minLength", config.password_min_length());
        render(request, response, status, "invitation.ftlh", model);
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, int status, String token, Map<String, String> errors)
            throws IOException {
        render(request, response, status, "confirm.ftlh", Map.of("token", token == null ? "" : token, "errors", errors));
    }

    private void linkGone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        message(request, response, 410, "This link no longer works", List.of(
                "It has been used already, has expired, or a newer link replaced it. You can ask for a new one."),
                "/password/forgot", "Ask for a new password link");
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String title, List<String> paragraphs,
            String href, String label) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("paragraphs", paragraphs);
        if (href != null) {
            model.put("link", Map.of("href", href, "label", label));
        }
        render(request, response, status, "message.ftlh", model);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, ?> model)
            throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.put("csrfToken", Csrf.token(request));
        response.setHeader("Cache-Control", "no-store");
        pages.render(request, response, status, template, data);
    }

    /**
     * {@code next} if it is a plain path on this site; "/" for anything else, so that log-in
     * never redirects elsewhere. A path with dot segments or backslashes is refused outright:
     * the server or the browser would resolve it, and {@code /.//evil.example} becomes
     * {@code //evil.example}, another site.
     */
    static String localPath(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.chars().anyMatch(c -> c < 0x21 || c == '\\' || c > 0x7e)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            String path = uri.getRawPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
                    || path.contains("//") || List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))
                    || path.toLowerCase(Locale.ROOT).contains("%2e") || path.toLowerCase(Locale.ROOT).contains("%2f")
                    || path.toLowerCase(Locale.ROOT).contains("%5c")) {
                return "/";
            }
            return next;
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
