package roadshow.web.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is served for, as filters must compare it: with its dot segments
 * resolved as the container resolves them when it picks a servlet. The raw request URI
 * would let {@code /static/../admin} pass a check for {@code /static/} and reach {@code /admin}.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /** The request's path without dot segments or doubled slashes; "/" for one that cannot be read. */
    public static String of(HttpServletRequest request) {
        String raw = request.getRequestURI();
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        try {
            String path = new URI(null, null, raw, null).normalize().getRawPath();
            path = path.replaceAll("/{2,}", "/");
            return path.startsWith("/") ? path : "/" + path;
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /**
     * The segments of the path after the servlet's pattern: {@code /api/v1/users/x/roles}
     * under {@code /api/v1/users/*} is [x, roles]; none for the pattern's own path.
     */
    public static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.isEmpty() || info.equals("/") ? List.of() : List.of(info.substring(1).split("/", -1));
    }
}
