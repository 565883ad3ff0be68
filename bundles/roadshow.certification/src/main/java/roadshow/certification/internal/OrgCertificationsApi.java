package roadshow.certification.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.certification.api.PartnerTiers;
import roadshow.identity.api.Access;
import roadshow.identity.api.Subject;
import roadshow.web.api.Json;
import roadshow.web.api.Problem;
import roadshow.web.api.RequestPath;

/**
 * An organisation's certifications and tiers in the REST API, next to the identity
 * bundle's {@code /api/v1/orgs/{org}}: {@code GET /api/v1/orgs/{org}/tiers} (the contract),
 * and, additions, {@code GET /api/v1/orgs/{org}/tiers/{vendor}/history} and
 * {@code GET /api/v1/orgs/{org}/certifications} (the people × certifications matrix, as JSON
 * or, with {@code Accept: text/csv} or {@code ?format=csv}, as CSV).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/v1/orgs/*")
public class OrgCertificationsApi implements Filter {

    private static final String PREFIX = "/api/v1/orgs/";

    private final PartnerTiers tiers;
    private final MembersReport report;
    private final Holders holders;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public OrgCertificationsApi(@Reference PartnerTiers tiers, @Reference MembersReport report, @Reference Holders holders) {
        this.tiers = tiers;
        this.report = report;
        this.holders = holders;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // /api/v1/orgs/{org}/tiers[/{vendor}/history] and /api/v1/orgs/{org}/certifications; the rest is identity's
        String path = RequestPath.of(request);
        List<String> parts = path.startsWith(PREFIX) ? List.of(path.substring(PREFIX.length()).split("/", -1)) : List.of();
        boolean ours = parts.size() >= 2 && !parts.get(0).isEmpty() && (parts.get(1).equals("tiers") || parts.get(1).equals("certifications"));
        if (!ours) {
            chain.doFilter(req, res);
            return;
        }
        String org = parts.get(0);
        String what = String.join("/", parts.subList(1, parts.size()));
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            Problem.of(405, "Method Not Allowed", "Only GET is served here.").send(response);
            return;
        }
        Subject subject = Subject.of(request).orElse(null);
        response.setHeader("Cache-Control", "private, no-store");
        if (parts.size() == 4 && parts.get(1).equals("tiers") && parts.get(3).equals("history")) {
            String vendor = parts.get(2);
            // the vendor sees its partners' tier history; the organisation's admins see theirs
            if (!holders.orgAdminAccess(subject, org).allowed() && !holders.vendorAccess(subject, vendor).allowed()) {
                refuse(response, holders.orgAdminAccess(subject, org));
                return;
            }
            Json.send(response, Map.of("items", tiers.history(org, vendor)));
            return;
        }
        Access access = holders.orgAdminAccess(subject, org);
        if (!access.allowed()) {
            refuse(response, access);
            return;
        }
        switch (what) {
            case "tiers" -> Json.send(response, Map.of("items", tiers.standings(org)));
            case "certifications" -> certifications(request, response, org);
            default -> Problem.notFound("There is nothing here.").send(response);
        }
    }

    private void certifications(HttpServletRequest request, HttpServletResponse response, String org) throws IOException {
        MembersReport.Filter filter = filter(request);
        MembersReport.Report matrix = report.of(org, filter, clock.instant());
        if ("csv".equals(request.getParameter("format")) || String.valueOf(request.getHeader("Accept")).startsWith("text/csv")) {
            MembersCsv.send(response, org, matrix);
            return;
        }
        Json.send(response, Map.of("tracks", matrix.tracks(), "total", matrix.total(), "items", matrix.rows().stream().map(row -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("id", row.person().id());
            person.put("name", row.person().name());
            person.put("email", row.person().email());
            person.put("org", row.person().org());
            person.put("certifications", row.byTrack().values().stream().map(CertificateViews::mine).toList());
            return person;
        }).toList()));
    }

    static MembersReport.Filter filter(HttpServletRequest request) {
        int expiring;
        try {
            expiring = Integer.parseInt(String.valueOf(request.getParameter("expiring")));
        } catch (NumberFormatException e) {
            expiring = 0;
        }
        return new MembersReport.Filter(request.getParameter("track"), request.getParameter("status"), expiring);
    }

    private static void refuse(HttpServletResponse response, Access access) throws IOException {
        String title = switch (access) {
            case UNAUTHENTICATED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            default -> "Not Found";
        };
        Problem.of(access.status(), title, access == Access.FORBIDDEN
                ? "Only the organisation's admins see its people's certifications and tiers." : "There is nothing here.").send(response);
    }
}
