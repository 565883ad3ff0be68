package roadshow.directory.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditLog;
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
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * People: the list of everyone for platform admins at {@code /admin/people}, and one
 * person at {@code /admin/people/{id}} for whoever manages them (platform admins, and the
 * admins of the person's organisation or one above it), with the roles they may grant and
 * the organisations they may move the person into.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/people/*")
public class PeoplePages extends HttpServlet {

    static final String PATH = "/admin/people";
    static final int PAGE_SIZE = 50;
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> DONE = Map.of(
            "roles", "The roles are saved.",
            "moved", "The organisation is saved.",
            "unchanged", "Nothing needed saving: that is how it was already.");

    /** A person in a list, with the names of their organisation and roles. */
    public record PersonRow(String id, String name, String email, String org, String orgName, List<String> roles,
            boolean verified) {

        static PersonRow of(Person person, List<Role> roles, Names names) {
            return new PersonRow(person.id(), person.name(), person.email(), person.org(), names.org(person.org()),
                    names.roles(roles), person.emailVerified());
        }
    }

    private final transient Authorization authorization;
    private final transient People people;
    private final transient Organisations organisations;
    private final transient Vendors vendors;
    private final transient AuditLog audit;
    private final transient Pages pages;

    @Activate
    public PeoplePages(@Reference Authorization authorization, @Reference People people, @Reference Organisations organisations,
            @Reference Vendors vendors, @Reference AuditLog audit, @Reference Pages pages) {
        this.authorization = authorization;
        this.people = people;
        this.organisations = organisations;
        this.vendors = vendors;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = Paths.segment(request);
        if (id == null) {
            response.sendError(404);
        } else if (id.isEmpty()) {
            list(request, response);
        } else {
            Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.person(id), request, response);
            if (subject.isEmpty()) {
                return;
            }
            Optional<Person> person = people.find(id);
            if (person.isEmpty()) {
                response.sendError(404);
                return;
            }
            String done = DONE.get(View.field(request, "done"));
            show(request, response, subject.get(), person.get(), 200, done, Map.of());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String id = Paths.segment(request);
        if (id == null || id.isEmpty()) {
            response.sendError(id == null ? 404 : 405);
            return;
        }
        Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.person(id), request, response);
        if (subject.isEmpty()) {
            return;
        }
        Optional<Person> person = people.find(id);
        if (person.isEmpty()) {
            response.sendError(404);
            return;
        }
        switch (View.field(request, "action")) {
            case "roles" -> saveRoles(request, response, subject.get(), person.get());
            case "move" -> move(request, response, subject.get(), person.get());
            default -> response.sendError(400);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isEmpty()) {
            return;
        }
        String email = View.field(request, "email");
        String after = View.optional(request, "after");
        List<Person> found;
        String next = null;
        if (!email.isEmpty()) {
            found = people.findByEmail(email).map(List::of).orElse(List.of());
        } else {
            found = people.list(null, after, PAGE_SIZE + 1); // one more, to know whether a next page follows
            if (found.size() > PAGE_SIZE) {
                found = found.subList(0, PAGE_SIZE);
                next = PATH + "?after=" + URLEncoder.encode(found.get(PAGE_SIZE - 1).id(), StandardCharsets.UTF_8);
            }
        }
        Names names = names();
        Map<String, Object> model = new HashMap<>();
        model.put("people", found.stream().map(p -> PersonRow.of(p, people.roles(p.id()), names)).toList());
        model.put("email", email);
        model.put("searched", !email.isEmpty());
        model.put("nextHref", next == null ? "" : next);
        model.put("firstHref", after != null && email.isEmpty() ? PATH : "");
        View.render(pages, request, response, 200, "people.ftlh", model);
    }

    private void saveRoles(HttpServletRequest request, HttpServletResponse response, Subject subject, Person person)
            throws IOException {
        Set<Role> asked;
        try {
            asked = RoleChange.asked(request.getParameterValues("role"), request.getParameter("addOrgAdmin"),
                    request.getParameter("addVendorAuthor"));
        } catch (IllegalArgumentException notAFormValue) {
            response.sendError(400);
            return;
        }
        RoleChange change = RoleChange.of(Powers.of(subject, authorization), person.id(), people.roles(person.id()), asked);
        if (!change.refused().isEmpty()) {
            // The form offers only what the editor may grant: this one was made by hand.
            response.sendError(403);
            return;
        }
        if (!change.changes()) {
            View.seeOther(response, href(person) + "?done=unchanged");
            return;
        }
        try {
            people.setRoles(person.id(), change.roles());
        } catch (IdentityException e) {
            // an organisation or vendor picked on the form has gone since
            show(request, response, subject, person, 422, null, Map.of("roles", e.getMessage()));
            return;
        }
        Changes.record(audit, subject, request, "role.set", "person", person.id(), describe(person, change, names()::role));
        View.seeOther(response, stillManages(subject, person, change) ? href(person) + "?done=roles" : "/account");
    }

    /**
     * Whether the editor may still manage the person after the change: an org admin who gave
     * up the role that let them manage themselves may not, and would find the page gone.
     */
    private boolean stillManages(Subject editor, Person person, RoleChange change) {
        if (!person.id().equals(editor.personId())) {
            return true;
        }
        List<Role> roles = new ArrayList<>(List.of(Role.learner()));
        roles.addAll(change.roles());
        Subject after = new Subject(editor.personId(), editor.name(), editor.email(), editor.org(), roles, editor.tokenId());
        return authorization.access(after, Permission.MANAGE, Target.person(person.id())).allowed();
    }

    /** The audit log's sentence for a change of roles. */
    static String describe(Person person, RoleChange change, Function<Role, String> names) {
        List<String> parts = new ArrayList<>();
        if (!change.granted().isEmpty()) {
            parts.add("granted " + RoleChange.sorted(change.granted()).stream().map(names).collect(Collectors.joining(", ")));
        }
        if (!change.revoked().isEmpty()) {
            parts.add("removed " + RoleChange.sorted(change.revoked()).stream().map(names).collect(Collectors.joining(", ")));
        }
        return "Roles of " + person.name() + " (" + person.email() + "): " + String.join("; ", parts) + ".";
    }

    private void move(HttpServletRequest request, HttpServletResponse response, Subject subject, Person person) throws IOException {
        String org = View.optional(request, "org");
        if (!Powers.of(subject, authorization).mayMoveTo(org)) {
            response.sendError(403);
            return;
        }
        if (Objects.equals(org, person.org())) {
            View.seeOther(response, href(person) + "?done=unchanged");
            return;
        }
        try {
            people.setOrg(person.id(), org);
        } catch (IdentityException e) {
            show(request, response, subject, person, 422, null, Map.of("org", e.getMessage()));
            return;
        }
        Names names = names();
        Changes.record(audit, subject, request, "person.move", "person", person.id(), "Moved " + person.name() + " ("
                + person.email() + ") " + (person.org() == null ? "" : "from " + names.org(person.org()) + " ")
                + (org == null ? "out of every organisation." : "to " + names.org(org) + "."));
        View.seeOther(response, href(person) + "?done=moved");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Subject subject, Person person, int status,
            String done, Map<String, String> errors) throws IOException {
        Powers powers = Powers.of(subject, authorization);
        Names names = names();
        List<Role> held = people.roles(person.id());
        List<Choice> boxes = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        Role admin = Role.admin();
        if (powers.mayChange(admin, person.id())) {
            boxes.add(new Choice(RoleChange.value(admin), "Platform admin: may do everything, everywhere", held.contains(admin)));
        } else if (held.contains(admin)) {
            fixed.add(powers.admin() ? "platform admin (your own: another admin must remove it)" : names.role(admin));
        }
        for (Role role : RoleChange.sorted(held)) {
            if (role.kind() == Role.Kind.ORG_ADMIN || role.kind() == Role.Kind.VENDOR_AUTHOR) {
                if (powers.mayChange(role, person.id())) {
                    boxes.add(new Choice(RoleChange.value(role), names.role(role), true));
                } else {
                    fixed.add(names.role(role));
                }
            }
        }
        List<Organisation> assignable = powers.admin() ? names.allOrganisations() : names.organisations(powers.managedOrgs());
        List<Choice> addOrgs = assignable.stream().filter(o -> !held.contains(Role.orgAdmin(o.id())))
                .map(o -> new Choice(o.id(), label(o), false)).toList();
        List<Choice> addVendors = powers.admin() ? vendors.list().stream().filter(v -> !held.contains(Role.vendorAuthor(v.id())))
                .map(v -> new Choice(v.id(), label(v), false)).toList() : List.of();
        List<Choice> moves = new ArrayList<>();
        if (powers.mayMoveTo(null)) {
            moves.add(new Choice("", "No organisation", person.org() == null));
        }
        assignable.forEach(o -> moves.add(new Choice(o.id(), label(o), o.id().equals(person.org()))));

        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        model.put("orgName", names.org(person.org()));
        model.put("orgHref", person.org() == null ? "" : "/orgs/" + person.org());
        model.put("created", When.of(person.createdAt()));
        model.put("roles", names.roles(held));
        model.put("boxes", boxes);
        model.put("fixed", fixed);
        model.put("addOrgs", addOrgs);
        model.put("addVendors", addVendors);
        model.put("moves", moves);
        model.put("self", person.id().equals(subject.personId()));
        model.put("crumbs", powers.admin()
                ? List.of(new Crumb("Admin", "/admin"), new Crumb("People", PATH), Crumb.here(person.name()))
                : person.org() == null ? List.of()
                        : List.of(new Crumb(names.org(person.org()), OrganisationPage.PATH + person.org()), Crumb.here(person.name())));
        model.put("errors", errors);
        if (done != null) {
            model.put("done", done);
        }
        View.render(pages, request, response, status, "person.ftlh", model);
    }

    static String label(Organisation org) {
        return org.name() + " (" + org.id() + ")";
    }

    static String label(Vendor vendor) {
        return vendor.name() + " (" + vendor.id() + ")";
    }

    private static String href(Person person) {
        return PATH + "/" + person.id();
    }

    private Names names() {
        return new Names(organisations, vendors, people);
    }
}
