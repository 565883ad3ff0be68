package roadshow.audit.api;

/**
 * Which events {@link AuditLog#list(AuditQuery)} answers: those matching every filter that
 * is set, newest first. A filter that is {@code null} or blank matches everything.
 *
 * @param actor      the actor exactly: a person's id, {@code token:<id>}, {@code visitor} or
 *                   {@code system}
 * @param action     the action exactly ({@code session.login}), or every action starting
 *                   with it when it ends with a dot ({@code session.} for
 *                   {@code session.login} and {@code session.login-failed})
 * @param targetType the kind of target exactly, such as {@code person}
 * @param targetId   the target's id exactly
 * @param beforeId   only events recorded before the one with this id: the cursor of
 *                   newest-first paging, set to the id of the last event of the previous page
 * @param limit      the most events to answer, from 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(String actor, String action, String targetType, String targetId, String beforeId,
        int limit) {

    /** The most events one query answers. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
        beforeId = blankToNull(beforeId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** The newest {@code limit} events, unfiltered. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }

    /** This query, for the page of events recorded before the one with {@code id}. */
    public AuditQuery before(String id) {
        return new AuditQuery(actor, action, targetType, targetId, id, limit);
    }

    /** Whether {@link #action()} names every action that starts with it rather than one. */
    public boolean actionIsPrefix() {
        return action != null && action.endsWith(".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
