package roadshow.directory.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import roadshow.audit.api.AuditEvent;

/**
 * An audit event as {@code GET /api/v1/audit} shows it; the field names are the contract
 * of openapi/audit.yaml.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventJson(String id, Instant at, String actor, String actorName, String action,
        String targetType, String targetId, String detail, String address) {

    static AuditEventJson of(AuditEvent event) {
        return new AuditEventJson(event.id(), event.at(), event.actor(), event.actorName(), event.action(),
                event.targetType(), event.targetId(), event.detail(), event.address());
    }
}
