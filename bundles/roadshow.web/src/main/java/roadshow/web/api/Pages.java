package roadshow.web.api;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Renders HTML pages for the bundle that uses this service. Each bundle gets its own
 * instance, which loads templates from that bundle's {@code templates/} folder; the shared
 * layout is imported in a template with {@code <#import "/web/layout.ftlh" as layout>}.
 * Templates are {@code .ftlh} files, so every value is HTML-escaped unless marked safe.
 */
@ProviderType
public interface Pages {

    /**
     * Renders {@code template} with {@code model} as a {@code 200 text/html} response.
     * The model's {@code locale} (the language the page is in) defaults to {@code en}.
     */
    default void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, ?> model) throws IOException {
        render(request, response, HttpServletResponse.SC_OK, template, model);
    }

    /** As {@link #render(HttpServletRequest, HttpServletResponse, String, Map)} with another status. */
    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException;

    /**
     * Renders a page that is the same for everyone who asks for it with the same
     * {@code key}, keeping its bytes so that the next request for that key is answered
     * without rendering, and with an {@code ETag} so that a browser revalidates for free.
     * The key must hold everything the page depends on (for instance the catalog's
     * current state, the query and the reader's languages), compared by {@code equals};
     * a page that shows anything personal must use
     * {@link #render(HttpServletRequest, HttpServletResponse, String, Map)} instead.
     */
    void renderShared(HttpServletRequest request, HttpServletResponse response, Object key, String template,
            Supplier<Map<String, ?>> model) throws IOException;
}
