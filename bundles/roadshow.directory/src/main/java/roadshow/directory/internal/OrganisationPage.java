package roadshow.directory.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import roadshow.identity.api.Invitations;
import roadshow.identity.api.Invitations.Invitation;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Person;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * One partner organisation at {@code /orgs/{id}}. Its members see its name, parent,
 * child organisations and domains; its admins (and the admins of an organisation above
 * it) also its people, with their roles, and may invite a colleague and bring in everyone
 * at the organisation's domains; only platform admins change the domains.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(OrganisationPage.PATH + "*")
public class OrganisationPage extends HttpServlet {

    static final String PATH = "/orgs/";
    static final int PAGE_SIZE = 50;
    private static final long serialVersionUID = 1L;

    /** What this page shows besides the organisation: the outcome of a form, and what was typed into a refused one. */
    private record Outcome(int status, String notice, Map<String, String> errors, String email, String domains) {

        static Outcome shown(String notice) {
            return new Outcome(200, notice, Map.of(), "", null);
        }
    }

    private final transient Authorization authorization;
    private final transient Organisations organisations;
    private final transient People people;
    private final transient Vendors vendors;
    private final transient Invitations invitations;
    private final transient AuditLog audit;
    private final transient Pages pages;

    @Activate
    public OrganisationPage(@Reference Authorization authorization, @Reference Organisations organisations,
            @Reference People people, @Reference Vendors vendors, @Reference Invitations invitations,
            @Reference AuditLog audit, @Reference Pages pages) {
        this.authorization = authorization;
        this.organisations = organisations;
        this.people = people;
        this.vendors = vendors;
        this.invitations = invitations;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = Paths.segment(request);
        if (id == null || id.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<Subject> subject = Gate.admit(authorization, Permission.VIEW, Target.org(id), request, response);
        if (subject.isEmpty()) {
            return;
        }
        Optional<Organisation> org = organisations.find(id);
        if (org.isEmpty()) {
            response.sendError(404);
            return;
        }
        show(request, response, subject.get(), org.get(), Outcome.shown(done(request, org.get())));
    }

    /** The sentence for the {@code done} a form redirected here with; null for none. */
    static String done(HttpServletRequest request, Organisation org) {
        return switch (View.field(request, "done")) {
            case "created" -> org.name() + " is created.";
            case "domains" -> "The domains are saved.";
            case "claimed" -> {
                int joined = count(request.getParameter("joined"));
                yield switch (joined) {
                    case 0 -> "Nobody new joined: everyone with a verified address at these domains belongs to an organisation already.";
                    case 1 -> "1 person joined " + org.name() + ".";
                    default -> joined + " people joined " + org.name() + ".";
                };
            }
            default -> null;
        };
    }

    private static int count(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String id = Paths.segment(request);
        if (id == null || id.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.org(id), request, response);
        if (subject.isEmpty()) {
            return;
        }
        Optional<Organisation> org = organisations.find(id);
        if (org.isEmpty()) {
            response.sendError(404);
            return;
        }
        switch (View.field(request, "action")) {
            case "invite" -> invite(request, response, subject.get(), org.get());
            case "claim" -> {
                int joined = organisations.claimMembers(id);
                Changes.record(audit, subject.get(), request, "org.claim", "org", id, "Brought everyone without an organisation"
                        + " and with a verified address at " + (org.get().domains().isEmpty() ? "its domains (it has none)"
                                : String.join(", ", org.get().domains())) + " into " + org.get().name() + ": " + joined + " joined.");
                View.seeOther(response, PATH + id + "?done=claimed&joined=" + joined);
            }
            case "domains" -> {
                // the domains decide who joins on their own: only platform admins set them
                if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isPresent()) {
                    setDomains(request, response, subject.get(), org.get());
                }
            }
            default -> response.sendError(400);
        }
    }

    private void invite(HttpServletRequest request, HttpServletResponse response, Subject subject, Organisation org) throws IOException {
        String email = View.field(request, "email");
        Invitation invitation;
        try {
            invitation = invitations.invite(org.id(), email, subject.personId());
        } catch (IdentityException e) {
            show(request, response, subject, org, new Outcome(422, null, Map.of("email", e.getMessage()), email, null));
            return;
        }
        Changes.record(audit, subject, request, "org.invite", "org", org.id(),
                "Invited " + invitation.email() + " to join " + org.name() + ".");
        // Shown in the answer to the POST rather than after a redirect, so that the address
        // stays out of the URL, the browser's history and the server's logs.
        show(request, response, subject, org, Outcome.shown("Invitation sent to " + invitation.email()
                + ". The link in it works once, until " + When.of(invitation.expiresAt()).text() + "."));
    }

    private void setDomains(HttpServletRequest request, HttpServletResponse response, Subject subject, Organisation org)
            throws IOException {
        String text = View.field(request, "domains");
        Organisation saved;
        try {
            saved = organisations.setDomains(org.id(), domains(text));
        } catch (IdentityException e) {
            show(request, response, subject, org, new Outcome(e.reason() == IdentityException.Reason.CONFLICT ? 409 : 422, null,
                    Map.of("domains", e.getMessage()), "", text));
            return;
        }
        Changes.record(audit, subject, request, "org.domains", "org", org.id(), "Set the domains of " + org.name() + " to "
                + (saved.domains().isEmpty() ? "none" : String.join(", ", saved.domains())) + " (they were "
                + (org.domains().isEmpty() ? "none" : String.join(", ", org.domains())) + ").");
        View.seeOther(response, PATH + org.id() + "?done=domains");
    }

    /** The domains typed into a form: separated by commas, spaces or lines; blanks and repeats dropped. */
    static List<String> domains(String text) {
        if (text == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\s]+")).filter(d -> !d.isEmpty()).toList()));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Subject subject, Organisation org, Outcome outcome)
            throws IOException {
        boolean manage = authorization.access(subject, Permission.MANAGE, Target.org(org.id())).allowed();
        boolean admin = authorization.access(subject, Permission.MANAGE, Target.platform()).allowed();
        Names names = new Names(organisations, vendors, people);
        Set<String> tree = organisations.withDescendants(org.id());
        List<Organisation> children = names.organisations(tree).stream().filter(o -> org.id().equals(o.parent())).toList();

        Map<String, Object> model = new HashMap<>();
        model.put("org", org);
        model.put("parentName", names.org(org.parent()));
        // the parent is linked only for someone who may see it; a member of a child organisation may not
        model.put("parentHref", org.parent() != null
                && authorization.access(subject, Permission.VIEW, Target.org(org.parent())).allowed() ? PATH + org.parent() : "");
        model.put("children", children);
        model.put("crumbs", admin
                ? List.of(new Crumb("Admin", "/admin"), new Crumb("Organisations", OrganisationsPage.PATH), Crumb.here(org.name()))
                : List.of());
        model.put("manage", manage);
        model.put("admin", admin);
        model.put("errors", outcome.errors());
        model.put("email", outcome.email());
        model.put("domains", outcome.domains() != null ? outcome.domains() : String.join(", ", org.domains()));
        if (outcome.notice() != null) {
            model.put("done", outcome.notice());
        }
        if (manage) {
            String after = View.optional(request, "after");
            List<Person> members = people.list(tree, after, PAGE_SIZE + 1); // one more, to know whether a next page follows
            String next = "";
            if (members.size() > PAGE_SIZE) {
                members = members.subList(0, PAGE_SIZE);
                next = PATH + org.id() + "?after=" + URLEncoder.encode(members.get(PAGE_SIZE - 1).id(), StandardCharsets.UTF_8)
                        + "#members";
            }
            model.put("members", members.stream().map(p -> PeoplePages.PersonRow.of(p, people.roles(p.id()), names)).toList());
            model.put("nextHref", next);
            model.put("firstHref", after == null ? "" : PATH + org.id() + "#members");
            model.put("withChildren", tree.size() > 1);
        }
        View.render(pages, request, response, outcome.status(), "org.ftlh", model);
    }
}
