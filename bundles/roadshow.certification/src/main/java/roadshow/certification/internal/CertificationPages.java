package roadshow.certification.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.certification.api.TrackProgress;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.Subject;
import roadshow.web.api.Pages;
import roadshow.web.api.RequestPath;

/**
 * The learner's certifications, {@code /certifications}: each track with what is done and
 * what is left, and the certifications earned, to download and share; and the public
 * verification of one, {@code /certificates/{code}}, which anyone with the code may open
 * and where a platform admin may revoke it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/certifications", "/certificates/*"})
public class CertificationPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final transient Certifications certifications;
    private final transient Holders holders;
    private final transient Pages pages;
    private final transient Clock clock = Clock.systemUTC();

    @Activate
    public CertificationPages(@Reference Certifications certifications, @Reference Holders holders, @Reference Pages pages) {
        this.certifications = certifications;
        this.holders = holders;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestPath.of(request).equals("/certifications")) {
            Optional<Subject> learner = Subject.signedIn(request, response);
            if (learner.isPresent()) {
                mine(request, response, learner.get().personId());
            }
            return;
        }
        Optional<Certification> certification = certificate(request);
        if (certification.isEmpty()) {
            response.sendError(404, "No certification has this code. Check it against the certificate.");
            return;
        }
        verification(request, response, certification.get(), "", 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Certification> certification = certificate(request);
        if (certification.isEmpty() || !"revoke".equals(request.getParameter("action"))) {
            response.sendError(404);
            return;
        }
        Subject subject = Subject.of(request).orElse(null);
        if (subject == null || !subject.isAdmin()) {
            response.sendError(403, "Only a platform admin revokes a certification.");
            return;
        }
        String reason = Optional.ofNullable(request.getParameter("reason")).orElse("").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            verification(request, response, certification.get(), "Give the reason for the revocation, in at most 500 characters.", 400);
            return;
        }
        certifications.revoke(certification.get().id(), reason, subject.actorId());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", CertificateViews.page(certification.get()));
    }

    /** The certification a {@code /certificates/{code}} path names. */
    private Optional<Certification> certificate(HttpServletRequest request) {
        String path = RequestPath.of(request);
        String code = path.startsWith("/certificates/") ? path.substring("/certificates/".length()) : "";
        return code.isEmpty() || code.contains("/") ? Optional.empty() : certifications.byCode(code);
    }

    private void mine(HttpServletRequest request, HttpServletResponse response, String personId) throws IOException {
        List<Certification> all = certifications.of(personId);
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (TrackProgress track : certifications.tracks(personId)) {
            Map<String, Object> view = new HashMap<>();
            view.put("title", track.title());
            view.put("vendor", holders.vendorName(track.vendor()));
            view.put("required", steps(track.requiredCourses(), "/learning/courses/"));
            view.put("electives", steps(track.electives(), "/learning/courses/"));
            view.put("choose", track.electivesToChoose());
            view.put("electivesDone", track.electives().stream().filter(TrackProgress.Step::done).count());
            view.put("exam", track.exam() == null ? Map.of() : step(track.exam(), "/quizzes/"));
            Certification current = track.certification() != null && track.certification().current() ? track.certification() : null;
            view.put("certified", current != null);
            view.put("certificate", current == null ? "" : CertificateViews.page(current));
            view.put("expires", current == null || current.expiresAt() == null ? "" : DAY.format(current.expiresAt()));
            view.put("renewal", track.renewalQuiz() == null ? "" : "/quizzes/" + track.renewalQuiz());
            view.put("renewalOpens", track.renewalOpensAt() == null ? "" : DAY.format(track.renewalOpensAt()));
            view.put("renewalOpen", track.renewalOpensAt() != null && !clock.instant().isBefore(track.renewalOpensAt()));
            tracks.add(view);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tracks", tracks);
        model.put("certifications", all.stream().map(CertificationPages::row).toList());
        render(request, response, 200, "certifications.ftlh", model);
    }

    private static List<Map<String, Object>> steps(List<TrackProgress.Step> steps, String base) {
        return steps.stream().map(s -> step(s, base)).toList();
    }

    private static Map<String, Object> step(TrackProgress.Step step, String base) {
        return Map.of("title", step.title(), "done", step.done(), "href", base + step.id());
    }

    static Map<String, Object> row(Certification c) {
        Map<String, Object> row = new HashMap<>();
        row.put("title", c.trackTitle());
        row.put("vendor", c.vendor());
        row.put("status", MembersReport.wire(c.status()));
        row.put("issued", DAY.format(c.issuedAt()));
        row.put("expires", c.expiresAt() == null ? "" : DAY.format(c.expiresAt()));
        row.put("renewals", c.renewals());
        row.put("href", CertificateViews.page(c));
        row.put("pdf", CertificateViews.page(c) + "/certificate.pdf");
        row.put("credential", CertificateViews.page(c) + "/credential.jwt");
        row.put("code", c.code());
        return row;
    }

    private void verification(HttpServletRequest request, HttpServletResponse response, Certification c, String problem, int status)
            throws IOException {
        Map<String, Object> model = new HashMap<>(row(c));
        model.put("holder", holders.name(c.personId()));
        model.put("vendorName", holders.vendorName(c.vendor()));
        model.put("revoked", c.revokedAt() == null ? "" : DAY.format(c.revokedAt()));
        model.put("revokedReason", c.revokedReason() == null ? "" : c.revokedReason());
        model.put("mayRevoke", Subject.of(request).map(Subject::isAdmin).orElse(false) && c.revokedAt() == null);
        model.put("problem", problem);
        model.put("checkedAt", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now()));
        render(request, response, status, "certificate.ftlh", model);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        model.put("csrfToken", Csrf.token(request));
        // personal, or a status that changes: never kept by a cache
        response.setHeader("Cache-Control", "private, no-store");
        pages.render(request, response, status, template, model);
    }
}
