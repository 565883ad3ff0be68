package roadshow.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Roadshow's cookies: {@code HttpOnly}, {@code SameSite=Lax}, for the whole site, and
 * {@code Secure} when the request came over TLS (directly, or through a proxy that says so).
 */
final class Cookies {

    private Cookies() {
    }

    /** Sets a cookie; {@code maxAgeSeconds} below zero makes it last as long as the browser. */
    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }

    static void expire(HttpServletRequest request, HttpServletResponse response, String name) {
        set(request, response, name, "", 0);
    }
}
