package roadshow.directory.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.web.api.Json;
import roadshow.web.api.Page;
import roadshow.web.api.Problem;

/**
 * {@code GET /api/v1/audit}: the audit log for platform admins, newest first, with
 * optional {@code actor}, {@code action}, {@code targetType} and {@code target} filters;
 * paged by event id.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AuditApi.PATH)
public class AuditApi extends HttpServlet {

    static final String PATH = "/api/v1/audit";

    private static final long serialVersionUID = 1L;

    private final transient AuditLog auditLog;
    private final transient Authorization authorization;

    @Activate
    public AuditApi(@Reference AuditLog auditLog, @Reference Authorization authorization) {
        this.auditLog = auditLog;
        this.authorization = authorization;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Access access = authorization.access(Subject.of(request).orElse(null), Permission.MANAGE, Target.platform());
        if (!access.allowed()) {
            refusal(access, response).send(response);
            return;
        }
        Page.Request paging;
        List<AuditEvent> events;
        try {
            paging = Page.Request.of(request);
            // one more than asked for, to know whether there is a next page
            events = auditLog.list(AuditFilter.of(request::getParameter).query(paging.after().orElse(null), paging.limit() + 1));
        } catch (IllegalArgumentException e) {
            Problem.badRequest(e.getMessage().startsWith("limit") ? e.getMessage() : "cursor is not one this API gave out").send(response);
            return;
        }
        // who did what is for admins' eyes only: no copy kept in any cache on the way
        response.setHeader("Cache-Control", "no-store");
        Json.send(response, paging.page(events.stream().map(AuditEventJson::of).toList(), AuditEventJson::id));
    }

    private static Problem refusal(Access access, HttpServletResponse response) {
        return switch (access) {
            case UNAUTHENTICATED -> {
                response.setHeader("WWW-Authenticate", "Bearer");
                yield Problem.of(access.status(), "Unauthorized",
                        "Log in, or send an API token as Authorization: Bearer <token>.");
            }
            case FORBIDDEN -> Problem.of(access.status(), "Forbidden", "Only platform admins may read the audit log.");
            default -> Problem.of(access.status(), "Not Found", "There is nothing here.");
        };
    }
}
