package roadshow.web.api;

/**
 * Thrown by the helpers of this package that read a request, once they have answered it
 * with a problem (a malformed body, a bad page parameter): the endpoint has nothing more
 * to send and returns. Carries no stack trace: it is control flow, not a fault.
 */
public final class Answered extends Exception {

    private static final long serialVersionUID = 1L;

    public Answered() {
        super(null, null, false, false);
    }
}
