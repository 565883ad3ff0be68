package roadshow.web.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Locale.LanguageRange;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages a person wants to read in: a choice made with the language switch
 * ({@code ?locale=} on any page, remembered in a cookie) first, then the browser's
 * {@code Accept-Language}.
 */
public final class LanguagePreference {

    /** The query parameter of the language switch. */
    public static final String PARAMETER = "locale";
    /** The cookie that remembers the switch. */
    public static final String COOKIE = "roadshow-locale";

    private final List<LanguageRange> ranges;

    private LanguagePreference(List<LanguageRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static LanguagePreference of(HttpServletRequest request) {
        List<LanguageRange> ranges = new ArrayList<>();
        chosen(request).ifPresent(tag -> ranges.add(new LanguageRange(tag)));
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                ranges.addAll(LanguageRange.parse(header));
            } catch (IllegalArgumentException e) {
                // A malformed header is the browser's problem; fall back to the content's own language.
            }
        }
        return new LanguagePreference(ranges);
    }

    /** The language chosen with the switch, in this request or remembered, if it is a valid tag. */
    public static java.util.Optional<String> chosen(HttpServletRequest request) {
        String tag = request.getParameter(PARAMETER);
        if (tag == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    tag = cookie.getValue();
                }
            }
        }
        return java.util.Optional.ofNullable(wellFormed(tag));
    }

    /** {@code tag} in canonical form if it is a well-formed BCP 47 tag, else {@code null}. */
    public static String wellFormed(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** Equal preferences choose alike, so a page rendered for one serves the other. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LanguagePreference preference && ranges.equals(preference.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /**
     * The best of {@code available} language tags for this person, or {@code fallback}
     * when none matches.
     */
    public String best(Collection<String> available, String fallback) {
        if (!ranges.isEmpty() && !available.isEmpty()) {
            String match = Locale.lookupTag(ranges, available);
            if (match != null) {
                return available.stream().filter(match::equalsIgnoreCase).findFirst().orElse(match);
            }
        }
        return fallback;
    }
}
