package roadshow.directory.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
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
import roadshow.web.api.Pages;

/**
 * The audit log for platform admins at {@code /admin/audit}: newest first, filtered by
 * actor, action and target, a page at a time.
 */
@Designate(ocd = AuditPage.Config.class)
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AuditPage.PATH)
public class AuditPage extends HttpServlet {

    @ObjectClassDefinition(name = "Roadshow audit page")
    public @interface Config {
        @AttributeDefinition(description = "Events shown per page of the audit log.", min = "1", max = "500")
        int page_size() default 50;
    }

    static final String PATH = "/admin/audit";

    /** The kinds of target the platform's own bundles record, offered in the filter; others may be typed. */
    static final List<String> TARGET_TYPES = List.of("person", "org", "vendor", "token", "bundle");

    private static final long serialVersionUID = 1L;

    private final transient AuditLog auditLog;
    private final transient Authorization authorization;
    private final transient Pages pages;
    private volatile int pageSize;

    @Activate
    public AuditPage(@Reference AuditLog auditLog, @Reference Authorization authorization, @Reference Pages pages,
            Config config) {
        this.auditLog = auditLog;
        this.authorization = authorization;
        this.pages = pages;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        this.pageSize = Math.max(1, Math.min(config.page_size(), 500));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Access access = authorization.access(Subject.of(request).orElse(null), Permission.MANAGE, Target.platform());
        if (access == Access.UNAUTHENTICATED) {
            response.sendRedirect("/login?next=" + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
            return;
        }
        if (!access.allowed()) {
            response.sendError(access.status()); // the web bundle's error page says why
            return;
        }
        AuditFilter filter = AuditFilter.of(request::getParameter);
        String before = request.getParameter("before");
        int shown = pageSize;
        List<AuditEvent> events;
        try {
            events = auditLog.list(filter.query(before, shown + 1)); // one more, to know whether older ones follow
        } catch (IllegalArgumentException notAnEventId) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        boolean older = events.size() > shown;
        List<EventRow> rows = events.stream().limit(shown).map(event -> EventRow.of(event, PATH)).toList();
        String olderHref = older ? filter.href(PATH, Map.of("before", rows.get(rows.size() - 1).id())) : "";
        String newestHref = before != null && !before.isBlank() ? filter.href(PATH) : "";
        pages.render(request, response, "audit.ftlh", Map.of(
                "events", rows,
                "filter", filter,
                "filtered", filter.any(),
                "targetTypes", TARGET_TYPES,
                "olderHref", olderHref,
                "newestHref", newestHref,
                "jsonHref", filter.href(AuditApi.PATH)));
    }

    /** The page as asked for, for the sign-in page to come back to. */
    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
