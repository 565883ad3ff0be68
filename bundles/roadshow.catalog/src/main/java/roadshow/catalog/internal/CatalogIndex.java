package roadshow.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;

/**
 * An immutable snapshot of the catalog, rebuilt whenever a content bundle comes or goes,
 * so that every search reads one consistent set of courses without locking.
 */
final class CatalogIndex {

    static final CatalogIndex EMPTY = new CatalogIndex(List.of());

    private final List<Entry> entries;
    private final Map<String, CatalogCourse> byGlobalId;
    private final Facets facets;

    private CatalogIndex(List<Entry> entries) {
        this.entries = entries;
        Map<String, CatalogCourse> map = new HashMap<>();
        for (Entry e : entries) {
            map.put(e.listing.globalId(), e.listing);
        }
        this.byGlobalId = map;
        this.facets = countFacets(entries);
    }

    static CatalogIndex of(Collection<ContentBundle> bundles) {
        List<Entry> entries = new ArrayList<>();
        for (ContentBundle bundle : bundles) {
            for (Course course : bundle.courses()) {
                entries.add(new Entry(new CatalogCourse(course, bundle), searchText(course)));
            }
        }
        entries.sort(Comparator.comparing(e -> e.listing.globalId()));
        return new CatalogIndex(List.copyOf(entries));
    }

    List<CatalogCourse> courses() {
        return entries.stream().map(Entry::listing).toList();
    }

    Optional<CatalogCourse> course(String vendor, String id) {
        return Optional.ofNullable(byGlobalId.get(vendor + "/" + id));
    }

    /** The courses matching every criterion of {@code query}, ordered by global id. */
    List<CatalogCourse> search(CatalogQuery query) {
        String[] words = query.words();
        return entries.stream()
                .filter(e -> query.vendor() == null || e.listing.course().vendor().equals(query.vendor()))
                .filter(e -> query.tag() == null || e.listing.course().tags().contains(query.tag()))
                .filter(e -> query.level() == null || e.listing.course().level() != null
                        && e.listing.course().level().id().equals(query.level()))
                .filter(e -> query.language() == null || languages(e.listing.course()).stream()
                        .anyMatch(l -> sameLanguage(l, query.language())))
                .filter(e -> Arrays.stream(words).allMatch(e.text::contains))
                .map(Entry::listing)
                .toList();
    }

    /** Counts per vendor, tag, language and level over the whole catalog, for the filters. */
    Facets facets() {
        return facets;
    }

    private static Facets countFacets(List<Entry> entries) {
        Map<String, Integer> vendors = new TreeMap<>();
        Map<String, Integer> tags = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> levels = new TreeMap<>();
        for (Entry e : entries) {
            Course c = e.listing.course();
            vendors.merge(c.vendor(), 1, Integer::sum);
            c.tags().forEach(t -> tags.merge(t, 1, Integer::sum));
            languages(c).forEach(l -> languages.merge(l, 1, Integer::sum));
            if (c.level() != null) {
                levels.merge(c.level().id(), 1, Integer::sum);
            }
        }
        return new Facets(Collections.unmodifiableMap(vendors), Collections.unmodifiableMap(tags),
                Collections.unmodifiableMap(languages), Collections.unmodifiableMap(levels));
    }

    /** The course's own language first, then its translations. */
    static List<String> languages(Course course) {
        return Stream.concat(Stream.of(course.language()), course.translations().keySet().stream().sorted())
                .distinct().toList();
    }

    /** {@code en} matches {@code en-GB} and the other way round: a filter asks for a language, not a region. */
    static boolean sameLanguage(String tag, String wanted) {
        return Locale.forLanguageTag(tag).getLanguage().equals(Locale.forLanguageTag(wanted).getLanguage());
    }

    private static String searchText(Course course) {
        StringBuilder text = new StringBuilder();
        text.append(course.id()).append(' ').append(course.vendor()).append(' ')
                .append(course.title()).append(' ').append(course.summary()).append(' ');
        course.tags().forEach(t -> text.append(t).append(' '));
        course.lessons().forEach(l -> text.append(l.title()).append(' '));
        course.translations().values().forEach(t -> {
            if (t.title() != null) {
                text.append(t.title()).append(' ');
            }
            if (t.summary() != null) {
                text.append(t.summary()).append(' ');
            }
            t.lessonTitles().values().forEach(title -> text.append(title).append(' '));
        });
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private record Entry(CatalogCourse listing, String text) {
    }

    record Facets(Map<String, Integer> vendors, Map<String, Integer> tags, Map<String, Integer> languages,
            Map<String, Integer> levels) {
    }
}
