package roadshow.publishing.internal;

import java.io.IOException;
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
import roadshow.web.api.Pages;

/**
 * The admin's view of content bundles at {@code /admin/bundles}: what is serving, what
 * was refused and why, file by file and line by line.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/bundles")
public class BundlesPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ContentBundles bundles;
    private final transient Pages pages;

    @Activate
    public BundlesPage(@Reference ContentBundles bundles, @Reference Pages pages) {
        this.bundles = bundles;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var states = bundles.states().stream().map(BundleJson::of).toList();
        long refused = bundles.states().stream().filter(s -> s.state() != ContentBundleState.State.ACTIVE).count();
        pages.render(request, response, "bundles.ftlh", Map.of("bundles", states, "problemCount", refused));
    }
}
