package roadshow.web.api;

import java.io.IOException;
import java.util.Map;

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
     * The model also receives {@code request} (path and query of this request) and
     * {@code locale} (the language the page is in).
     */
    default void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, ?> model) throws IOException {
        render(request, response, HttpServletResponse.SC_OK, template, model);
    }

    /** As {@link #render(HttpServletRequest, HttpServletResponse, String, Map)} with another status. */
    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException;
}
