package roadshow.directory.internal;

import jakarta.servlet.http.HttpServletRequest;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Subject;

/** Records a change made on a directory page in the audit log, by whom and from where. */
final class Changes {

    private Changes() {
    }

    static void record(AuditLog audit, Subject by, HttpServletRequest request, String action, String targetType,
            String targetId, String detail) {
        audit.record(AuditEvent.of(by.actorId(), by.name(), action, targetType, targetId, detail, request.getRemoteAddr()));
    }
}
