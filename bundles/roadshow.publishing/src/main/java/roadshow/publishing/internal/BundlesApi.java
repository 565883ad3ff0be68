package roadshow.publishing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;
import roadshow.web.api.Problem;

/**
 * {@code GET /api/v1/bundles}: every content bundle with its state and, for a refused or
 * unresolved one, every error (file, line, rule, message); all of them for a platform
 * admin, their own vendors' for a vendor author or vendor-scoped token. Optional {@code vendor} and
 * {@code state} filters; paged by symbolic name.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/bundles")
public class BundlesApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ContentBundles bundles;
    private final transient Authorization authorization;

    @Activate
    public BundlesApi(@Reference ContentBundles bundles, @Reference Authorization authorization) {
        this.bundles = bundles;
        this.authorization = authorization;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page.Request paging;
        try {
            paging = Page.Request.read(request, response);
        } catch (Answered answered) {
            return;
        }
        int limit = paging.limit();
        Optional<String> after = paging.after();
        BundleVisibility visible = BundleVisibility.of(Subject.of(request).orElse(null), authorization, bundles.states());
        if (!visible.access().allowed()) {
            Problem.of(visible.access().status(), visible.access() == Access.UNAUTHENTICATED ? "Unauthorized" : "Forbidden",
                    visible.access() == Access.UNAUTHENTICATED ? "Log in, or send an API token as Authorization: Bearer <token>."
                            : "Only platform admins and vendor authors see content bundles.").send(response);
            return;
        }
        String vendor = request.getParameter("vendor");
        String state = request.getParameter("state");
        List<BundleJson> items = new ArrayList<>();
        String next = null;
        for (ContentBundleState bundle : visible.bundles()) {
            String key = bundle.symbolicName() + "@" + bundle.version();
            if (after.isPresent() && key.compareTo(after.get()) <= 0
                    || vendor != null && !vendor.equals(bundle.vendor())
                    || state != null && !state.equalsIgnoreCase(bundle.state().name())) {
                continue;
            }
            if (items.size() == limit) {
                BundleJson last = items.get(items.size() - 1);
                next = Page.cursor(last.symbolicName() + "@" + last.version());
                break;
            }
            items.add(BundleJson.of(bundle));
        }
        Json.send(response, new Page<>(items, next));
    }
}
