package roadshow.web.api;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletRequest;

/**
 * Who the shared layout greets in its header, put on the request by whichever bundle
 * authenticates requests: the person's {@code name} (null for a visitor), the links of the
 * menu they are entitled to, and the CSRF token and action of the sign-out form. The web
 * bundle knows nothing else about identity.
 */
public record Viewer(String name, List<Link> links, String signOutAction, String csrfToken) {

    /** The request attribute holding the viewer. */
    public static final String ATTRIBUTE = "roadshow.web.viewer";

    /** A menu entry. */
    public record Link(String label, String href) {
    }

    public Viewer {
        links = List.copyOf(links);
    }

    /** The viewer of {@code request}, if one was set. */
    public static Optional<Viewer> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Viewer viewer ? Optional.of(viewer) : Optional.empty();
    }

    /** Whether someone is signed in. */
    public boolean signedIn() {
        return name != null;
    }
}
