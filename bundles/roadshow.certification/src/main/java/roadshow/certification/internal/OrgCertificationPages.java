package roadshow.certification.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import roadshow.certification.api.Certification;
import roadshow.certification.api.PartnerTiers;
import roadshow.certification.api.ProgramStanding;
import roadshow.certification.api.TierChange;
import roadshow.identity.api.Access;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.Subject;
import roadshow.web.api.Pages;
import roadshow.web.api.RequestPath;

/**
 * An organisation admin's pages next to the directory's {@code /orgs/{org}}:
 * {@code /orgs/{org}/certifications}, the people × certifications matrix with its filters and
 * CSV export, and an expiry timeline; and {@code /orgs/{org}/tiers}, the tier held in each
 * vendor's programme, what the next one needs, when the one held lapses and who must renew,
 * and the tier history.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/orgs/*")
public class OrgCertificationPages implements Filter {

    private static final String PREFIX = "/orgs/";
    private static final int ROWS_PER_PAGE = 100;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM");
    /** The timeline's width in SVG user units, and its months. */
    private static final int TIMELINE_WIDTH = 720;
    private static final int TIMELINE_MONTHS = 12;

    private final MembersReport report;
    private final PartnerTiers tiers;
    private final Organisations organisations;
    private final Holders holders;
    private final ServedTracks tracks;
    private final Pages pages;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public OrgCertificationPages(@Reference MembersReport report, @Reference PartnerTiers tiers, @Reference Organisations organisations,
            @Reference Holders holders, @Reference ServedTracks tracks, @Reference Pages pages) {
        this.report = report;
        this.tracks = tracks;
        this.tiers = tiers;
        this.organisations = organisations;
        this.holders = holders;
        this.pages = pages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = RequestPath.of(request);
        String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
        if (parts.length != 2 || parts[0].isEmpty() || !(parts[1].equals("certifications") || parts[1].equals("tiers"))
                || !"GET".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        String org = parts[0];
        Optional<Subject> subject = Subject.signedIn(request, response);
        if (subject.isEmpty()) {
            return;
        }
        Access access = holders.orgAdminAccess(subject.get(), org);
        if (!access.allowed()) {
            response.sendError(access.status(), access == Access.FORBIDDEN
                    ? "Only the organisation's admins see its people's certifications and tiers." : null);
            return;
        }
        Organisation organisation = organisations.find(org).orElseThrow();
        if (parts[1].equals("certifications")) {
            certifications(request, response, organisation);
        } else {
            tiers(request, response, organisation);
        }
    }

    private void certifications(HttpServletRequest request, HttpServletResponse response, Organisation org) throws IOException {
        MembersReport.Filter filter = OrgCertificationsApi.filter(request);
        Instant now = clock.instant();
        MembersReport.Report matrix = report.of(org.id(), filter, now);
        if ("csv".equals(request.getParameter("format"))) {
            response.setHeader("Cache-Control", "private, no-store");
            MembersCsv.send(response, org.id(), matrix);
            return;
        }
        int page = Math.max(0, parse(request.getParameter("page")));
        int from = Math.min(page * ROWS_PER_PAGE, matrix.rows().size());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MembersReport.Row row : matrix.rows().subList(from, Math.min(from + ROWS_PER_PAGE, matrix.rows().size()))) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String track : matrix.tracks().keySet()) {
                Certification c = row.byTrack().get(track);
                cells.add(c == null ? Map.of() : CertificationPages.row(c));
            }
            rows.add(Map.of("name", row.person().name(), "email", row.person().email(), "href", "/admin/people/" + row.person().id(),
                    "cells", cells));
        }
        String query = query(filter);
        Map<String, Object> model = new HashMap<>();
        model.put("org", Map.of("id", org.id(), "name", org.name(), "href", "/orgs/" + org.id()));
        model.put("tracks", matrix.tracks().entrySet().stream().map(e -> Map.of("id", e.getKey(), "title", e.getValue())).toList());
        model.put("allTracks", matrix.allTracks().entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "title", e.getValue(), "selected", e.getKey().equals(filter.track()))).toList());
        model.put("rows", rows);
        model.put("shown", matrix.rows().size());
        model.put("total", matrix.total());
        model.put("filter", Map.of("track", filter.track() == null ? "" : filter.track(), "status", filter.status() == null ? ""
                : filter.status(), "expiring", filter.expiring()));
        model.put("csv", "/orgs/" + org.id() + "/certifications?format=csv" + (query.isEmpty() ? "" : "&" + query));
        model.put("next", from + ROWS_PER_PAGE < matrix.rows().size()
                ? "/orgs/" + org.id() + "/certifications?page=" + (page + 1) + (query.isEmpty() ? "" : "&" + query) : "");
        model.put("first", page > 0 ? "/orgs/" + org.id() + "/certifications" + (query.isEmpty() ? "" : "?" + query) : "");
        model.put("timeline", timeline(matrix, now));
        render(request, response, "org-certifications.ftlh", model);
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String query(MembersReport.Filter filter) {
        List<String> query = new ArrayList<>();
        if (filter.track() != null) {
            query.add("track=" + URLEncoder.encode(filter.track(), StandardCharsets.UTF_8));
        }
        if (filter.status() != null) {
            query.add("status=" + filter.status());
        }
        if (filter.expiring() > 0) {
            query.add("expiring=" + filter.expiring());
        }
        return String.join("&", query);
    }

    /**
     * The next twelve months as an SVG timeline: a mark for each month, and a dot for each
     * current certification expiring in them, at its day.
     */
    private static Map<String, Object> timeline(MembersReport.Report matrix, Instant now) {
        Instant end = now.atZone(ZoneOffset.UTC).plusMonths(TIMELINE_MONTHS).toInstant();
        double span = Duration.between(now, end).toSeconds();
        List<Map<String, Object>> months = new ArrayList<>();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1);
        for (int i = 0; i < TIMELINE_MONTHS; i++, month = month.plusMonths(1)) {
            Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            months.add(Map.of("x", Math.round(Duration.between(now, start).toSeconds() / span * TIMELINE_WIDTH), "label",
                    MONTH.format(month)));
        }
        List<Map<String, Object>> expiries = new ArrayList<>();
        for (MembersReport.Row row : matrix.rows()) {
            for (Certification c : row.byTrack().values()) {
                if (c.current() && c.expiresAt() != null && c.expiresAt().isBefore(end)) {
                    expiries.add(Map.of("x", Math.round(Duration.between(now, c.expiresAt()).toSeconds() / span * TIMELINE_WIDTH),
                            "label", row.person().name() + ", " + c.trackTitle() + ": " + CertificationPages.DAY.format(c.expiresAt()),
                            "soon", c.expiresAt().isBefore(now.plus(Duration.ofDays(30)))));
                }
            }
        }
        return Map.of("width", TIMELINE_WIDTH, "months", months, "expiries", expiries);
    }

    private void tiers(HttpServletRequest request, HttpServletResponse response, Organisation org) throws IOException {
        List<Map<String, Object>> programmes = new ArrayList<>();
        for (ProgramStanding standing : tiers.standings(org.id())) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("vendor", holders.vendorName(standing.vendor()));
            view.put("held", standing.held() == null ? "" : standing.held().title());
            view.put("counted", standing.counted());
            view.put("tiers", standing.tiers().stream().map(tier -> Map.of(
                    "title", tier.title(),
                    "held", standing.held() != null && standing.held().id().equals(tier.id()),
                    "met", tier.met(),
                    "needs", tier.needs().stream().map(need -> Map.of(
                            "track", need.trackTitle(), "people", need.people(), "holders", need.holders(), "missing", need.missing(),
                            // the bar's filled share, in percent of its width
                            "percent", need.people() == 0 ? 100 : Math.min(100, need.holders() * 100 / need.people()))).toList()))
                    .toList());
            view.put("next", standing.next() == null ? Map.of() : Map.of("title", standing.next().title(),
                    "needs", standing.next().needs().stream().filter(n -> !n.met())
                            .map(n -> n.missing() + " more " + n.trackTitle() + (n.missing() == 1 ? "" : "s")).toList()));
            view.put("lapse", standing.lapse() == null ? Map.of() : Map.of("on", CertificationPages.DAY.format(standing.lapse().at()),
                    "renewals", standing.lapse().renewals().stream().map(r -> Map.of("name", r.name(), "track",
                            tracks.trackTitle(r.track()), "by", CertificationPages.DAY.format(r.expiresAt()))).toList()));
            view.put("history", tiers.history(org.id(), standing.vendor()).stream().limit(20).map(OrgCertificationPages::change).toList());
            programmes.add(view);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("org", Map.of("id", org.id(), "name", org.name(), "href", "/orgs/" + org.id()));
        model.put("programmes", programmes);
        render(request, response, "org-tiers.ftlh", model);
    }

    private static Map<String, Object> change(TierChange change) {
        return Map.of("from", change.from() == null ? "none" : change.from(), "to", change.to() == null ? "none" : change.to(),
                "at", CertificationPages.DAY.format(change.at()), "reason", change.reason());
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String template, Map<String, Object> model)
            throws IOException {
        response.setHeader("Cache-Control", "private, no-store");
        pages.render(request, response, 200, template, model);
    }
}
