package roadshow.directory.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Csrf;
import roadshow.web.api.Pages;

/** How every directory page is sent: with the CSRF token its forms need, and kept in no cache. */
final class View {

    private static final String CACHE_CONTROL = "Cache-Control";

    private View() {
    }

    static void render(Pages pages, HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.put("csrfToken", Csrf.token(request));
        // People's addresses and roles, and a token's secret: for the admin's eyes only, with
        // no copy in any cache, the browser's included.
        response.setHeader(CACHE_CONTROL, "no-store");
        pages.render(request, response, status, template, data);
    }

    /** The GET after a POST: 303, so that reloading the page never sends the form again. */
    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** A form field, stripped; empty when absent. */
    static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    /** A form field, stripped; null when absent or blank. */
    static String optional(HttpServletRequest request, String name) {
        String value = field(request, name);
        return value.isEmpty() ? null : value;
    }
}
