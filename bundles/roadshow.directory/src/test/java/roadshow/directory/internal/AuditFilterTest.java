package roadshow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditQuery;

class AuditFilterTest {

    @Test
    void theFiltersComeFromTheQueryParameters() {
        Map<String, String> parameters = Map.of("actor", " p-ada ", "action", "token.", "targetType", "token",
                "target", "t-1", "limit", "5");

        AuditFilter filter = AuditFilter.of(parameters::get);

        assertThat(filter).isEqualTo(new AuditFilter("p-ada", "token.", "token", "t-1"));
        assertThat(filter.any()).isTrue();
        assertThat(filter.query("17", 51)).isEqualTo(new AuditQuery("p-ada", "token.", "token", "t-1", "17", 51));
    }

    @Test
    void noParametersIsNoFilter() {
        AuditFilter filter = AuditFilter.of(name -> null);

        assertThat(filter.any()).isFalse();
        assertThat(filter.query(null, 10)).isEqualTo(AuditQuery.latest(10));
        assertThat(filter.href("/admin/audit")).isEqualTo("/admin/audit");
    }

    @Test
    void linksCarryTheFiltersSetEncoded() {
        AuditFilter filter = new AuditFilter("token:t 1&x", "session.", "", "");

        assertThat(filter.href("/admin/audit", Map.of("before", "42")))
                .isEqualTo("/admin/audit?actor=token%3At+1%26x&action=session.&before=42");
    }

    @Test
    void aRowLinksToTheEventsOfItsActorActionAndTarget() {
        EventRow row = EventRow.of(new AuditEvent("7", Instant.parse("2025-03-14T09:26:53.589793Z"),
                "p-ada", null, "role.set", "person", "p-grace", null, null), "/admin/audit");

        assertThat(row.at()).isEqualTo("2025-03-14T09:26:53.589793Z");
        assertThat(row.shown()).isEqualTo("2025-03-14T09:26:53Z");
        assertThat(row.actorName()).isEmpty();
        assertThat(row.actorHref()).isEqualTo("/admin/audit?actor=p-ada");
        assertThat(row.actionHref()).isEqualTo("/admin/audit?action=role.set");
        assertThat(row.targetHref()).isEqualTo("/admin/audit?targetType=person&target=p-grace");
    }
}
