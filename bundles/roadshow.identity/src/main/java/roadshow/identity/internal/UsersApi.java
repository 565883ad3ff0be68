package roadshow.identity.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.web.api.JsonBody;
import roadshow.web.api.RequestPath;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;
import roadshow.web.api.Problem;

/**
 * {@code /api/v1/users}: {@code POST} registers a person (anyone, where sign-up is on; an
 * org admin into an organisation they manage; a platform admin anywhere), {@code GET} lists
 * the people the caller manages; {@code /api/v1/users/{user}} shows one, and
 * {@code PUT /api/v1/users/{user}/roles} sets their roles.
 */
@Component(service = Servlet.class, configurationPid = IdentityConfiguration.PID)
@HttpWhiteboardServletPattern({"/api/v1/users", "/api/v1/users/*"})
public class UsersApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient People people;
    private final transient Organisations organisations;
    private final transient Authorization authorization;
    private final transient AccountMail mail;
    private final transient AuditLog audit;
    private transient volatile boolean signupEnabled;

    @Activate
    public UsersApi(@Reference People people, @Reference Organisations organisations, @Reference Authorization authorization,
            @Reference AccountMail mail, @Reference AuditLog audit, IdentityConfiguration config) {
        this.people = people;
        this.organisations = organisations;
        this.authorization = authorization;
        this.mail = mail;
        this.audit = audit;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        signupEnabled = config.signup_enabled();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        List<String> path = RequestPath.segments(request);
        if (path.isEmpty()) {
            list(request, response, subject);
            return;
        }
        String id = path.get(0);
        Access access = authorization.access(subject, Permission.VIEW, Target.person(id));
        if (!access.allowed() || path.size() > 2 || path.size() == 2 && !path.get(1).equals("roles")) {
            Endpoints.refuse(response, access.allowed() ? Access.NOT_FOUND : access);
            return;
        }
        Person person = people.find(id).orElseThrow();
        List<Role> roles = people.roles(id);
        if (path.size() == 2) {
            Json.send(response, Map.of("roles", roles.stream().map(PersonJson.RoleJson::of).toList()));
        } else {
            Json.send(response, PersonJson.of(person, roles));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        if (subject == null) {
            Endpoints.refuse(response, Access.UNAUTHENTICATED);
            return;
        }
        Set<String> managed = authorization.managedOrgs(subject);
        if (!subject.isAdmin() && managed.isEmpty()) {
            Endpoints.refuse(response, Access.FORBIDDEN);
            return;
        }
        Page.Request paging;
        try {
            paging = Page.Request.read(request, response);
        } catch (Answered answered) {
            return;
        }
        int limit = paging.limit();
        Optional<String> after = paging.after();
        String org = request.getParameter("org");
        Collection<String> orgs;
        if (org != null) {
            if (!managed.contains(org)) {
                Endpoints.refuse(response, Access.NOT_FOUND);
                return;
            }
            orgs = Set.of(org);
        } else {
            orgs = subject.isAdmin() ? null : managed;
        }
        List<Person> found = people.list(orgs, after.orElse(null), limit + 1);
        Json.send(response, paging.page(found.stream().map(p -> PersonJson.of(p, null)).toList(), PersonJson::id));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!RequestPath.segments(request).isEmpty()) {
            Endpoints.refuse(response, Access.NOT_FOUND);
            return;
        }
        Subject subject = Subject.of(request).orElse(null);
        try {
            JsonNode body = JsonBody.object(request, response);
            String email = Endpoints.required(body, "email", response);
            String name = Endpoints.required(body, "name", response);
            String password = Endpoints.required(body, "password", response);
            String org = Endpoints.text(body, "org", response);
            boolean trusted;
            if (subject == null) {
                if (!signupEnabled) {
                    Problem.of(403, "Forbidden", "Sign-up is closed here: ask your organisation's admin to invite you.").send(response);
                    return;
                }
                if (org != null) {
                    Problem.of(403, "Forbidden", "You join an organisation by its invitation or its e-mail domain, not by naming it.")
                            .send(response);
                    return;
                }
                trusted = false;
            } else if (subject.isAdmin()) {
                trusted = true;
            } else {
                Set<String> managed = authorization.managedOrgs(subject);
                if (managed.isEmpty()) {
                    Endpoints.refuse(response, Access.FORBIDDEN);
                    return;
                }
                if (org == null) {
                    Problem.of(422, "Unprocessable Content", "Name the organisation ('org') to add the person to.").send(response);
                    return;
                }
                if (!managed.contains(org)) {
                    Endpoints.refuse(response, Access.NOT_FOUND);
                    return;
                }
                Optional<Organisation> claimedBy = organisations.claiming(email);
                if (claimedBy.isPresent() && !managed.contains(claimedBy.get().id())) {
                    Problem.of(403, "Forbidden", "Addresses at that domain belong to another organisation: invite the person there.")
                            .send(response);
                    return;
                }
                // An org admin vouches for the organisation, not for the mailbox: the person confirms it,
                // with the password they were given, before they can log in.
                trusted = false;
            }
            Person person = people.register(new People.Registration(email, name, password, org, trusted));
            if (!person.emailVerified()) {
                mail.verification(person);
            }
            audit.record(AuditEvent.of(subject == null ? person.id() : subject.actorId(), subject == null ? person.name() : subject.name(),
                    subject == null ? "person.signup" : "person.create", "person", person.id(),
                    person.email() + (subject == null ? " signed up." : " was registered" + (org == null ? "." : " in " + org + ".")),
                    request.getRemoteAddr()));
            response.setHeader("Location", "/api/v1/users/" + person.id());
            Json.send(response, 201, PersonJson.of(person, null));
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = RequestPath.segments(request);
        Subject subject = Subject.of(request).orElse(null);
        if (path.size() != 2 || !path.get(1).equals("roles")) {
            Endpoints.refuse(response, subject == null ? Access.UNAUTHENTICATED : Access.NOT_FOUND);
            return;
        }
        String id = path.get(0);
        Access access = authorization.access(subject, Permission.MANAGE, Target.person(id));
        if (!access.allowed()) {
            Endpoints.refuse(response, access);
            return;
        }
        try {
            JsonNode body = JsonBody.object(request, response);
            JsonNode list = body.get("roles");
            if (list == null || !list.isArray()) {
                Problem.badRequest("'roles' must be an array of {role, org?, vendor?}.").send(response);
                return;
            }
            Set<Role> wanted = new LinkedHashSet<>();
            for (JsonNode item : list) {
                String role = item.path("role").asText(null);
                String org = item.hasNonNull("org") ? item.get("org").asText() : null;
                String vendor = item.hasNonNull("vendor") ? item.get("vendor").asText() : null;
                try {
                    Role.Kind kind = Role.Kind.of(role);
                    wanted.add(kind == Role.Kind.LEARNER ? Role.learner() : new Role(kind, org, vendor));
                } catch (IllegalArgumentException e) {
                    Problem.badRequest(e.getMessage()).send(response);
                    return;
                }
            }
            List<Role> current = people.roles(id);
            for (Role role : wanted) {
                if (!current.contains(role) && role.kind() != Role.Kind.LEARNER && !authorization.mayGrant(subject, role)) {
                    Problem.of(403, "Forbidden", "You may not give the role " + role.kind().wireName()
                            + (role.org() != null ? " of " + role.org() : role.vendor() != null ? " at " + role.vendor() : "") + ".")
                            .send(response);
                    return;
                }
            }
            // Roles the caller may not take away stay, whether the body names them or not.
            current.stream().filter(r -> !authorization.mayGrant(subject, r)).forEach(wanted::add);
            if (id.equals(subject.personId()) && current.contains(Role.admin()) && !wanted.contains(Role.admin())) {
                Problem.of(403, "Forbidden", "You cannot take away your own admin role: another admin must, so that one is always left.")
                        .send(response);
                return;
            }
            people.setRoles(id, wanted);
            List<Role> roles = people.roles(id);
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "role.set", "person", id,
                    "Roles set to " + roles.stream().map(AccountPages::describe).toList() + ".", request.getRemoteAddr()));
            Json.send(response, Map.of("roles", roles.stream().map(PersonJson.RoleJson::of).toList()));
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }
}
