package roadshow.web.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Pages;
import roadshow.web.api.Problem;

/**
 * What a person sees when a page does not exist or fails: the shared layout with a way
 * back, or a problem document for API clients.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("roadshow-errors")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Pages pages;

    @Activate
    public ErrorPages(@Reference Pages pages) {
        this.pages = pages;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
        // A refusal's own message says what to do (reload a stale form, say); a server error's
        // message could tell an attacker about the inside, so it never shows.
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = status == 404 ? "There is nothing at " + path + "."
                : status >= 500 ? "Roadshow could not answer this request. Please try again in a moment."
                : message instanceof String m && !m.isBlank() && status >= 400 ? m
                : status == 403 ? "Your account is not allowed to do this."
                : "The request could not be served.";
        if (path.startsWith("/api/")) {
            Problem.of(status, title, detail).send(response);
            return;
        }
        pages.render(request, response, status, "web/error.ftlh",
                Map.of("status", status, "title", title, "detail", detail));
    }
}
