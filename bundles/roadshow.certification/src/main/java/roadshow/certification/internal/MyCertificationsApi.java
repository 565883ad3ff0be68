package roadshow.certification.internal;

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
import roadshow.certification.api.Certifications;
import roadshow.identity.api.Subject;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.RequestPath;

/**
 * The signed-in learner's certifications, {@code GET /api/v1/me/certifications}, and, an
 * addition, where they stand on every track, {@code GET /api/v1/me/tracks}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/me/certifications", "/api/v1/me/tracks"})
public class MyCertificationsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Certifications certifications;

    @Activate
    public MyCertificationsApi(@Reference Certifications certifications) {
        this.certifications = certifications;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String learner = Subject.person(request, response, "see your certifications");
            response.setHeader("Cache-Control", "private, no-store");
            if (RequestPath.of(request).endsWith("/tracks")) {
                Json.send(response, Map.of("items", certifications.tracks(learner)));
            } else {
                Json.send(response, Map.of("items", certifications.of(learner).stream().map(CertificateViews::mine).toList()));
            }
        } catch (Answered answered) {
            // answered
        }
    }
}
