package roadshow.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.LanguagePreference;

/**
 * Remembers a language chosen with the switch ({@code ?locale=de}) in a cookie, so that
 * the next pages come in that language too.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public class LanguageSwitch implements Filter {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String chosen = LanguagePreference.wellFormed(http.getParameter(LanguagePreference.PARAMETER));
        if (chosen != null) {
            Cookie cookie = new Cookie(LanguagePreference.COOKIE, chosen);
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(http.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            ((HttpServletResponse) response).addCookie(cookie);
        }
        chain.doFilter(request, response);
    }
}
