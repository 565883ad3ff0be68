package roadshow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import freemarker.template.TemplateException;
import roadshow.audit.api.AuditEvent;

/**
 * The audit page's template, rendered inside the web bundle's shared layout (from the
 * roadshow.web JAR on the class path) with FreeMarker set up as roadshow.web sets it up.
 */
class AuditPageTemplateTest {

    private static final AuditEvent LOGIN = new AuditEvent("41", Instant.parse("2025-03-14T09:26:53.589793Z"),
            "p-ada", "Ada Lovelace", "session.login", null, null, "Signed in", "192.0.2.1");
    private static final AuditEvent ROLE = new AuditEvent("42", Instant.parse("2025-03-14T09:30:00Z"),
            "token:t-1", null, "role.set", "person", "p-grace", "Made <b>Grace</b> an admin", null);

    @Test
    void eachEventIsARowWithItsTimeActorActionTargetDetailAndAddress() throws Exception {
        String html = render(new AuditFilter(null, null, null, null), List.of(ROLE, LOGIN), "", "");

        assertThat(html)
                .contains("<title>Audit log · Roadshow</title>")
                .contains("<time datetime=\"2025-03-14T09:26:53.589793Z\">2025-03-14T09:26:53Z</time>")
                .contains("<a href=\"/admin/audit?actor=p-ada\" title=\"Only events by this actor\">Ada Lovelace</a>")
                .contains("<small><code>p-ada</code></small>")
                .contains("<code>token:t-1</code>")
                .contains("<a href=\"/admin/audit?targetType=person&amp;target=p-grace\" title=\"Only events about this target\">person <code>p-grace</code></a>")
                .contains("<code>192.0.2.1</code>");
        assertThat(html.indexOf("<code>role.set</code>")).isPositive().isLessThan(html.indexOf("<code>session.login</code>"));
    }

    @Test
    void whatTheRecorderWroteIsEscaped() throws Exception {
        String html = render(new AuditFilter(null, null, null, null), List.of(ROLE), "", "");

        assertThat(html).contains("Made &lt;b&gt;Grace&lt;/b&gt; an admin").doesNotContain("<b>Grace</b>");
    }

    @Test
    void theFormShowsTheFiltersAndTheOlderLinkKeepsThem() throws Exception {
        AuditFilter filter = new AuditFilter("p-ada", "session.", null, null);

        String html = render(filter, List.of(LOGIN), filter.href(AuditPage.PATH, Map.of("before", "41")),
                filter.href(AuditPage.PATH));

        assertThat(html)
                .contains("name=\"actor\" value=\"p-ada\"")
                .contains("name=\"action\" value=\"session.\"")
                .contains("<a class=\"button secondary\" href=\"/admin/audit?actor=p-ada&amp;action=session.&amp;before=41\" rel=\"next\">Older →</a>")
                .contains("<a class=\"button secondary\" href=\"/admin/audit?actor=p-ada&amp;action=session.\">← Newest</a>")
                .contains("href=\"/admin/audit\">Clear filters</a>")
                .contains("<a href=\"/api/v1/audit?actor=p-ada&amp;action=session.\">JSON</a>");
    }

    @Test
    void anEmptyLogSaysSo() throws Exception {
        assertThat(render(new AuditFilter(null, null, null, null), List.of(), "", ""))
                .contains("Nothing has been recorded yet.").doesNotContain("<table").doesNotContain("Older");
        assertThat(render(new AuditFilter(null, "bundle.", null, null), List.of(), "", ""))
                .contains("No event matches these filters.");
    }

    private static String render(AuditFilter filter, List<AuditEvent> events, String olderHref, String newestHref)
            throws IOException, TemplateException {
        Map<String, Object> model = new HashMap<>();
        model.put("events", events.stream().map(event -> EventRow.of(event, AuditPage.PATH)).toList());
        model.put("filter", filter);
        model.put("filtered", filter.any());
        model.put("targetTypes", AuditPage.TARGET_TYPES);
        model.put("olderHref", olderHref);
        model.put("newestHref", newestHref);
        model.put("jsonHref", filter.href(AuditApi.PATH));
        model.put("locale", "en");
        StringWriter html = new StringWriter();
        Templates.freemarker().getTemplate("audit.ftlh").process(model, html);
        return html.toString();
    }
}
