package roadshow.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Problem;
import roadshow.web.api.RequestPath;

/**
 * Refuses a request body larger than any page or endpoint takes before anything reads it:
 * 413 past the limit, and 411 for a body of unstated length, which could not be checked
 * up front. Uploads (content bundles) have a limit of their own, and may stream.
 */
@Designate(ocd = RequestLimits.Config.class)
@Component(service = Filter.class, configurationPid = "roadshow.web.limits")
@HttpWhiteboardFilterPattern("/*")
// First of all filters: nothing may read a body before its size is checked.
@ServiceRanking(Integer.MAX_VALUE)
public class RequestLimits implements Filter {

    @ObjectClassDefinition(name = "Roadshow request limits")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body, in bytes, for everything but uploads")
        long max_body_bytes() default 1024 * 1024;

        @AttributeDefinition(description = "Largest upload, in bytes")
        long max_upload_bytes() default 512L * 1024 * 1024;

        @AttributeDefinition(description = "Path prefixes that take uploads")
        String[] upload_paths() default {"/api/v1/bundles", "/vendor/"};
    }

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        Config limits = config;
        long length = request.getContentLengthLong();
        boolean upload = upload(RequestPath.of(request), limits);
        long max = upload ? limits.max_upload_bytes() : limits.max_body_bytes();
        // An upload may stream without a length; its endpoint counts what it reads.
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && !upload) {
            refuse(request, response, 411, "Length Required", "Send the body with a Content-Length.");
        } else if (length > max) {
            refuse(request, response, 413, "Content Too Large", "The body is " + length + " bytes; at most " + max + " are taken here.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean upload(String path, Config limits) {
        for (String prefix : limits.upload_paths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        // The body is left unread: the connection closes after the answer rather than draining it.
        response.setHeader("Connection", "close");
        if (RequestPath.of(request).startsWith("/api/")) {
            Problem.of(status, title, detail).send(response);
        } else {
            response.sendError(status, detail);
        }
    }
}
