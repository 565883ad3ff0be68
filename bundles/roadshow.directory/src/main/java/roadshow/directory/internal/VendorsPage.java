package roadshow.directory.internal;

import java.io.IOException;
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
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * The vendors that publish curriculum, for platform admins at {@code /admin/vendors}: each
 * with its authors, and the form that adds one. Authors are made on a person's page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(VendorsPage.PATH)
public class VendorsPage extends HttpServlet {

    static final String PATH = "/admin/vendors";
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("id", "name");

    /** A vendor with the people who author for it. */
    public record VendorRow(String id, String name, When created, List<Author> authors) {
    }

    /** Someone with the author role at a vendor. */
    public record Author(String id, String name, String email) {
    }

    private final transient Authorization authorization;
    private final transient Vendors vendors;
    private final transient People people;
    private final transient AuditLog audit;
    private final transient Pages pages;

    @Activate
    public VendorsPage(@Reference Authorization authorization, @Reference Vendors vendors, @Reference People people,
            @Reference AuditLog audit, @Reference Pages pages) {
        this.authorization = authorization;
        this.vendors = vendors;
        this.people = people;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isPresent()) {
            Map<String, Object> model = new HashMap<>();
            if ("created".equals(request.getParameter("done"))) {
                model.put("done", "The vendor is added. Make its authors on their pages under People.");
            }
            show(request, response, 200, "", "", Map.of(), model);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response);
        if (subject.isEmpty()) {
            return;
        }
        String id = View.field(request, "id");
        String name = View.field(request, "name");
        Vendor created;
        try {
            created = vendors.create(id, name);
        } catch (IdentityException e) {
            Map<String, Object> model = new HashMap<>();
            boolean named = e.field() != null && FIELDS.contains(e.field());
            if (!named) {
                model.put("problem", e.getMessage());
            }
            show(request, response, e.reason() == IdentityException.Reason.CONFLICT ? 409 : 422, id, name,
                    named ? Map.of(e.field(), e.getMessage()) : Map.of(), model);
            return;
        }
        Changes.record(audit, subject.get(), request, "vendor.create", "vendor", created.id(),
                "Added the vendor " + created.name() + " (" + created.id() + ").");
        View.seeOther(response, PATH + "?done=created#vendor-" + created.id());
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String id, String name,
            Map<String, String> errors, Map<String, Object> model) throws IOException {
        model.put("vendors", vendors.list().stream().map(v -> new VendorRow(v.id(), v.name(), When.of(v.createdAt()),
                people.authorsAt(v.id()).stream().map(p -> new Author(p.id(), p.name(), p.email())).toList())).toList());
        model.put("id", id);
        model.put("name", name);
        model.put("errors", errors);
        View.render(pages, request, response, status, "vendors.ftlh", model);
    }
}
