package roadshow.audit.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, as the audit log keeps it.
 *
 * @param id         assigned by the log when the event is recorded; {@code null} when recording
 * @param at         when it happened; {@code null} when recording means now
 * @param actor      who did it: a person's id, {@code token:<id>} for an integration's API
 *                   token (see {@link #token(String)}), {@value #VISITOR} for someone not
 *                   signed in, or {@value #SYSTEM}
 * @param actorName  the actor's name as it was then, for reading the log after it changes;
 *                   may be {@code null}
 * @param action     what was done, a dotted verb such as {@code session.login},
 *                   {@code session.login-failed}, {@code role.set}, {@code token.issue},
 *                   {@code token.use}, {@code token.revoke}, {@code org.create},
 *                   {@code vendor.create}, {@code person.create}, {@code password.reset},
 *                   {@code bundle.publish}
 * @param targetType the kind of thing it was done to: {@code person}, {@code org},
 *                   {@code vendor}, {@code token}, {@code bundle}; {@code null} when nothing
 *                   in particular
 * @param targetId   the id of that thing, or {@code null}
 * @param detail     a sentence a person can read, such as "Made Ada Lovelace an admin of
 *                   Northwind"; may be {@code null}
 * @param address    the client's IP address, or {@code null} when there was no request
 */
public record AuditEvent(String id, Instant at, String actor, String actorName, String action, String targetType,
        String targetId, String detail, String address) {

    /** The actor of what the platform does by itself: scheduled work, start-up seeding. */
    public static final String SYSTEM = "system";

    /** The actor of what someone not signed in did: a failed sign-in, a password reset asked for. */
    public static final String VISITOR = "visitor";

    /** The prefix of an actor that is an API token rather than a person. */
    public static final String TOKEN_PREFIX = "token:";

    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an actor: a person's id, token:<id>, visitor or system");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an action, such as session.login");
        }
    }

    /** An event to record now, its id and time left to the log. */
    public static AuditEvent of(String actor, String actorName, String action, String targetType, String targetId,
            String detail, String address) {
        return new AuditEvent(null, null, actor, actorName, action, targetType, targetId, detail, address);
    }

    /** The actor standing for the API token with this id: {@code token:<id>}. */
    public static String token(String tokenId) {
        return TOKEN_PREFIX + Objects.requireNonNull(tokenId, "tokenId");
    }
}
