package roadshow.directory.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * Every partner organisation, for platform admins at {@code /admin/orgs}, a page at a time,
 * and the form that creates one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(OrganisationsPage.PATH)
public class OrganisationsPage extends HttpServlet {

    static final String PATH = "/admin/orgs";
    static final int PAGE_SIZE = 50;
    private static final long serialVersionUID = 1L;
    /** The fields of the create form, which a refusal may name. */
    private static final Set<String> FIELDS = Set.of("id", "name", "parent", "domains");

    /** An organisation in the list, with its parent's name. */
    public record OrgRow(String id, String name, String parent, String parentName, List<String> domains) {
    }

    /** What was typed into the create form, shown again when it is refused. */
    public record Form(String id, String name, String parent, String domains) {
        static final Form EMPTY = new Form("", "", "", "");
    }

    private final transient Authorization authorization;
    private final transient Organisations organisations;
    private final transient People people;
    private final transient Vendors vendors;
    private final transient AuditLog audit;
    private final transient Pages pages;

    @Activate
    public OrganisationsPage(@Reference Authorization authorization, @Reference Organisations organisations,
            @Reference People people, @Reference Vendors vendors, @Reference AuditLog audit, @Reference Pages pages) {
        this.authorization = authorization;
        this.organisations = organisations;
        this.people = people;
        this.vendors = vendors;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isPresent()) {
            show(request, response, 200, Form.EMPTY, Map.of(), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response);
        if (subject.isEmpty()) {
            return;
        }
        Form form = new Form(View.field(request, "id"), View.field(request, "name"), View.field(request, "parent"),
                View.field(request, "domains"));
        Organisation created;
        try {
            created = organisations.create(form.id(), form.name(), form.parent().isEmpty() ? null : form.parent(),
                    OrganisationPage.domains(form.domains()));
        } catch (IdentityException e) {
            boolean named = e.field() != null && FIELDS.contains(e.field());
            show(request, response, e.reason() == IdentityException.Reason.CONFLICT ? 409 : 422, form,
                    named ? Map.of(e.field(), e.getMessage()) : Map.of(), named ? null : e.getMessage());
            return;
        }
        Names names = new Names(organisations, vendors, people);
        Changes.record(audit, subject.get(), request, "org.create", "org", created.id(), "Created the organisation "
                + created.name() + " (" + created.id() + ")" + (created.parent() == null ? "" : " under " + names.org(created.parent()))
                + (created.domains().isEmpty() ? "" : ", claiming " + String.join(", ", created.domains())) + ".");
        View.seeOther(response, OrganisationPage.PATH + created.id() + "?done=created");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Form form, Map<String, String> errors,
            String problem) throws IOException {
        Names names = new Names(organisations, vendors, people);
        List<Choice> parents = new ArrayList<>();
        parents.add(new Choice("", "None: a top-level organisation", form.parent().isEmpty()));
        names.allOrganisations().forEach(o -> parents.add(new Choice(o.id(), PeoplePages.label(o), o.id().equals(form.parent()))));

        String after = View.optional(request, "after");
        List<Organisation> page = organisations.list(after, PAGE_SIZE + 1); // one more, to know whether a next page follows
        String next = "";
        if (page.size() > PAGE_SIZE) {
            page = page.subList(0, PAGE_SIZE);
            next = PATH + "?after=" + URLEncoder.encode(page.get(PAGE_SIZE - 1).id(), StandardCharsets.UTF_8);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("orgs", page.stream().map(o -> new OrgRow(o.id(), o.name(), o.parent(), names.org(o.parent()), o.domains())).toList());
        model.put("nextHref", next);
        model.put("firstHref", after == null ? "" : PATH);
        model.put("form", form);
        model.put("parents", parents);
        model.put("errors", errors);
        if (problem != null) {
            model.put("problem", problem);
        }
        View.render(pages, request, response, status, "orgs.ftlh", model);
    }
}
