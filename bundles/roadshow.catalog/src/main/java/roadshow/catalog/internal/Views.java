package roadshow.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Small formatting shared by the catalog's pages. */
final class Views {

    private Views() {
    }

    /** A duration as a person reads it: "45 min", "1 h 30 min"; empty for none. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(1, Math.round(duration.getSeconds() / 60.0));
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** Looked up once per tag: the JDK's locale names come from resource bundles, slowly. */
    private static final Map<String, String> LANGUAGE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A language tag's name in that language: "Deutsch" for de. */
    static String languageName(String tag) {
        return LANGUAGE_NAMES.computeIfAbsent(tag, t -> {
            Locale locale = Locale.forLanguageTag(t);
            String name = locale.getDisplayName(locale);
            return name.isEmpty() ? t : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        });
    }

    /** The language switch entries: each language with a link to this page in it. */
    static List<Map<String, Object>> languageSwitch(HttpServletRequest request, List<String> tags, String current) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String tag : tags) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tag", tag);
            entry.put("name", languageName(tag));
            entry.put("current", tag.equalsIgnoreCase(current));
            entry.put("href", request.getRequestURI() + "?locale=" + tag);
            entries.add(entry);
        }
        return entries;
    }

    static Map<String, Object> crumb(String label, String href) {
        Map<String, Object> crumb = new LinkedHashMap<>();
        crumb.put("label", label);
        crumb.put("href", href == null ? "" : href);
        return crumb;
    }
}
