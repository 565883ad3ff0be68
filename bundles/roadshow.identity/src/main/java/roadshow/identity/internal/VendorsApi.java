package roadshow.identity.internal;

import java.io.IOException;
import java.util.List;
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
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.web.api.JsonBody;
import roadshow.web.api.RequestPath;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;

/** {@code /api/v1/vendors}: admins create vendors; anyone signed in lists them. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/vendors", "/api/v1/vendors/*"})
public class VendorsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Vendors vendors;
    private final transient Authorization authorization;
    private final transient AuditLog audit;

    @Activate
    public VendorsApi(@Reference Vendors vendors, @Reference Authorization authorization, @Reference AuditLog audit) {
        this.vendors = vendors;
        this.authorization = authorization;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        List<String> path = RequestPath.segments(request);
        if (subject == null) {
            Endpoints.refuse(response, Access.UNAUTHENTICATED);
            return;
        }
        if (path.size() == 1) {
            Access access = authorization.access(subject, Permission.VIEW, Target.vendor(path.get(0)));
            if (!access.allowed()) {
                Endpoints.refuse(response, access);
                return;
            }
            Json.send(response, vendors.find(path.get(0)).orElseThrow());
            return;
        }
        if (!path.isEmpty()) {
            Endpoints.refuse(response, Access.NOT_FOUND);
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
        List<Vendor> found = vendors.list().stream().filter(v -> after.isEmpty() || v.id().compareTo(after.get()) > 0)
                .limit(limit + 1L).toList();
        Json.send(response, paging.page(found, Vendor::id));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        if (!RequestPath.segments(request).isEmpty()) {
            Endpoints.refuse(response, subject == null ? Access.UNAUTHENTICATED : Access.NOT_FOUND);
            return;
        }
        Access access = authorization.access(subject, Permission.MANAGE, Target.platform());
        if (!access.allowed()) {
            Endpoints.refuse(response, access);
            return;
        }
        try {
            JsonNode body = JsonBody.object(request, response);
            Vendor vendor = vendors.create(Endpoints.required(body, "id", response), Endpoints.required(body, "name", response));
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "vendor.create", "vendor", vendor.id(),
                    "Vendor " + vendor.name() + " was created.", request.getRemoteAddr()));
            response.setHeader("Location", "/api/v1/vendors/" + vendor.id());
            Json.send(response, 201, vendor);
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }
}
