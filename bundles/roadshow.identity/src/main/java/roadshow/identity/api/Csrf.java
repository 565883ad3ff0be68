package roadshow.identity.api;

import java.util.function.Supplier;

import jakarta.servlet.ServletRequest;

/**
 * The CSRF token a page puts into its forms as the hidden field {@value #FIELD}, and a
 * script sends as the {@value #HEADER} header. Every state-changing request made with the
 * session cookie must carry the session's token; a visitor's forms (log in, sign up) carry
 * a token that must match a cookie of their own.
 */
public final class Csrf {

    /** The form field. */
    public static final String FIELD = "_csrf";
    /** The request header. */
    public static final String HEADER = "X-CSRF-Token";
    /** The request attribute the authentication filter keeps the token's source in. */
    public static final String ATTRIBUTE = "roadshow.identity.csrf";

    private Csrf() {
    }

    /** The token for the forms of a page answering {@code request}. */
    @SuppressWarnings("unchecked")
    public static String token(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Supplier<?> supplier) {
            return ((Supplier<String>) supplier).get();
        }
        throw new IllegalStateException("No CSRF token: the authentication filter did not see this request");
    }
}
