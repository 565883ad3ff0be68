package roadshow.certification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jakarta.servlet.http.HttpServletResponse;
import roadshow.certification.api.Certification;

/**
 * The people × certifications matrix as CSV, for a spreadsheet: one row per person, and per
 * track its status, date of issue and expiry (ISO dates, UTC).
 */
final class MembersCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private MembersCsv() {
    }

    /**
     * A text a spreadsheet will not take for a formula: a learner's name such as
     * {@code =HYPERLINK(...)} must not run in the admin's spreadsheet.
     */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static void send(HttpServletResponse response, String org, MembersReport.Report report) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("name").addColumn("email").addColumn("organisation");
        report.tracks().forEach((track, title) -> schema.addColumn(inert(title) + " status").addColumn(inert(title) + " issued")
                .addColumn(inert(title) + " expires"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + org + "-certifications.csv\"");
        OutputStream out = response.getOutputStream();
        try (SequenceWriter writer = CSV.writer(schema.build()).writeValues(out)) {
            for (MembersReport.Row row : report.rows()) {
                List<String> cells = new ArrayList<>(List.of(inert(row.person().name()), inert(row.person().email()),
                        row.person().org() == null ? "" : row.person().org()));
                report.tracks().keySet().forEach(track -> {
                    Certification c = row.byTrack().get(track);
                    cells.add(c == null ? "" : MembersReport.wire(c.status()));
                    cells.add(c == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(c.issuedAt().atZone(ZoneOffset.UTC)));
                    cells.add(c == null || c.expiresAt() == null ? ""
                            : DateTimeFormatter.ISO_LOCAL_DATE.format(c.expiresAt().atZone(ZoneOffset.UTC)));
                });
                writer.write(cells);
            }
        }
    }
}
