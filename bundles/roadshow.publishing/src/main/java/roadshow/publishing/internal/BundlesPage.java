package roadshow.publishing.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.content.api.ContentBundleState;
import roadshow.content.api.ContentBundles;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Subject;
import roadshow.web.api.Pages;

/**
 * The view of content bundles at {@code /admin/bundles}: what is serving, what was refused
 * and why, file by file and line by line; all of them for a platform admin, their own
 * vendors' for a vendor author.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/bundles")
public class BundlesPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ContentBundles bundles;
    private final transient Pages pages;
    private final transient Authorization authorization;

    @Activate
    public BundlesPage(@Reference ContentBundles bundles, @Reference Pages pages, @Reference Authorization authorization) {
        this.bundles = bundles;
        this.pages = pages;
        this.authorization = authorization;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BundleVisibility visible = BundleVisibility.of(Subject.of(request).orElse(null), authorization, bundles.states());
        if (visible.access() == Access.UNAUTHENTICATED) {
            response.sendRedirect("/login?next=" + URLEncoder.encode("/admin/bundles", StandardCharsets.UTF_8));
            return;
        }
        if (!visible.access().allowed()) {
            response.sendError(visible.access().status());
            return;
        }
        var states = visible.bundles().stream().map(BundleJson::of).toList();
        long refused = visible.bundles().stream().filter(s -> s.state() != ContentBundleState.State.ACTIVE).count();
        response.setHeader("Cache-Control", "private, no-cache");
        pages.render(request, response, "bundles.ftlh", Map.of("bundles", states, "problemCount", refused));
    }
}
