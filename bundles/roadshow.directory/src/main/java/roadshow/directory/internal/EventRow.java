package roadshow.directory.internal;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import roadshow.audit.api.AuditEvent;

/**
 * An event as a row of the audit page shows it: times in UTC, and links that filter the
 * log by the row's actor, action or target. Absent values are empty strings. Public, as
 * the page's template reads it.
 *
 * @param at     the full ISO 8601 time, for machines
 * @param shown  the time to the second, for people
 */
public record EventRow(String id, String at, String shown, String actor, String actorName, String actorHref,
        String action, String actionHref, String targetType, String targetId, String targetHref, String detail,
        String address) {

    static EventRow of(AuditEvent event, String page) {
        boolean target = event.targetType() != null || event.targetId() != null;
        return new EventRow(event.id(),
                DateTimeFormatter.ISO_INSTANT.format(event.at()),
                DateTimeFormatter.ISO_INSTANT.format(event.at().truncatedTo(ChronoUnit.SECONDS)),
                event.actor(), Objects.requireNonNullElse(event.actorName(), ""),
                AuditFilter.byActor(event.actor()).href(page),
                event.action(), new AuditFilter(null, event.action(), null, null).href(page),
                Objects.requireNonNullElse(event.targetType(), ""), Objects.requireNonNullElse(event.targetId(), ""),
                target ? AuditFilter.byTarget(event.targetType(), event.targetId()).href(page) : "",
                Objects.requireNonNullElse(event.detail(), ""), Objects.requireNonNullElse(event.address(), ""));
    }
}
