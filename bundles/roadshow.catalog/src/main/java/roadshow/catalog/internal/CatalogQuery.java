package roadshow.catalog.internal;

import java.util.Locale;

/**
 * What a person searches the catalog for; a {@code null} criterion matches everything.
 *
 * @param text     free text; every word must occur in the course's title, summary, tags,
 *                 lesson titles or translations
 * @param vendor   a vendor id
 * @param tag      a tag
 * @param language a language tag, matched by language whatever the region
 * @param level    beginner, intermediate or advanced
 */
record CatalogQuery(String text, String vendor, String tag, String language, String level) {

    CatalogQuery {
        text = blankToNull(text);
        vendor = blankToNull(vendor);
        tag = blankToNull(tag);
        language = blankToNull(language);
        level = blankToNull(level);
    }

    String[] words() {
        return text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
    }

    boolean isEmpty() {
        return text == null && vendor == null && tag == null && language == null && level == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
