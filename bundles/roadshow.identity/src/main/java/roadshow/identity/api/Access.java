package roadshow.identity.api;

/** The answer of {@link Authorization}, with the HTTP status an endpoint gives a refusal. */
public enum Access {
    ALLOWED(200),
    /** Nobody signed in and no token: 401. */
    UNAUTHENTICATED(401),
    /** Signed in, and the object is theirs to know about, but not theirs to do this to: 403. */
    FORBIDDEN(403),
    /** Someone else's object, or none at all: 404, so that nothing leaks. */
    NOT_FOUND(404);

    private final int status;

    Access(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean allowed() {
        return this == ALLOWED;
    }
}
