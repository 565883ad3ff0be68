package roadshow.identity.api;

/**
 * A change to people, organisations, vendors or tokens that was refused, with the
 * reason as a {@link Reason} that an endpoint turns into its status, and a message
 * that a person can act on.
 */
public class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** Something with that e-mail address or id exists already. */
        CONFLICT,
        /** An organisation, vendor, person or token named in the request does not exist. */
        NOT_FOUND,
        /** A value is malformed or breaks a rule, such as a password too short. */
        INVALID,
        /** The current password given to confirm a change is wrong. */
        WRONG_PASSWORD
    }

    private final Reason reason;
    private final String field;

    public IdentityException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
