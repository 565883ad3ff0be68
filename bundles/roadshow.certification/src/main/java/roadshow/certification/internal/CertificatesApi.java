package roadshow.certification.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.identity.api.Subject;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.JsonBody;
import roadshow.web.api.Problem;
import roadshow.web.api.RequestPath;

/**
 * {@code GET /api/v1/certificates/{code}}: the public verification of a certification, for
 * anyone who has its code; and, an addition for platform admins,
 * {@code POST /api/v1/certificates/{code}/revocation} with {@code {reason}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/certificates/*")
public class CertificatesApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Certifications certifications;
    private final transient Holders holders;

    @Activate
    public CertificatesApi(@Reference Certifications certifications, @Reference Holders holders) {
        this.certifications = certifications;
        this.holders = holders;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = RequestPath.segments(request);
        Optional<Certification> certification = parts.size() == 1 ? certifications.byCode(parts.get(0)) : Optional.empty();
        if (certification.isEmpty()) {
            Problem.notFound("No certification has this code.").send(response);
            return;
        }
        // the status changes with time and revocation: a verifier must always get today's
        response.setHeader("Cache-Control", "no-cache");
        Json.send(response, CertificateViews.verification(certification.get(), holders.name(certification.get().personId()),
                holders.vendorName(certification.get().vendor())));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = RequestPath.segments(request);
        if (parts.size() != 2 || !parts.get(1).equals("revocation")) {
            Problem.notFound("There is nothing here.").send(response);
            return;
        }
        try {
            Subject admin = holders.admin(request, response);
            JsonNode body = JsonBody.read(request, response, true);
            String reason = body.path("reason").asText("").strip();
            if (reason.isEmpty() || reason.length() > 500) {
                Problem.badRequest("Give the reason for the revocation, in at most 500 characters: {\"reason\": \"...\"}.").send(response);
                return;
            }
            Optional<Certification> certification = certifications.byCode(parts.get(0));
            if (certification.isEmpty()) {
                Problem.notFound("No certification has this code.").send(response);
                return;
            }
            Certification revoked = certifications.revoke(certification.get().id(), reason, admin.actorId()).orElseThrow();
            Json.send(response, CertificateViews.verification(revoked, holders.name(revoked.personId()),
                    holders.vendorName(revoked.vendor())));
        } catch (Answered answered) {
            // answered
        }
    }
}
