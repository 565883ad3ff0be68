package roadshow.certification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;

/**
 * An organisation's people × certifications: each person of the organisation and the
 * organisations below it, with their latest certification on each track, filtered as an
 * org admin asks. What the matrix page, its CSV export and the REST API all show.
 */
@Component(service = MembersReport.class)
public class MembersReport {

    private static final int PAGE = 1000;

    private final People people;
    private final Organisations organisations;
    private final Certifications certifications;

    @Activate
    public MembersReport(@Reference People people, @Reference Organisations organisations, @Reference Certifications certifications) {
        this.people = people;
        this.organisations = organisations;
        this.certifications = certifications;
    }

    /**
     * What to show.
     *
     * @param track    only this track's column, and only people it is about; {@code null} for all
     * @param status   {@code current}, {@code expired}, {@code revoked}, or {@code none} (people without
     *                 a certification on {@code track}); {@code null} for any
     * @param expiring only current certifications expiring within this many days; {@code 0} for any
     */
    record Filter(String track, String status, int expiring) {

        static final List<String> STATUSES = List.of("current", "expired", "revoked", "none");

        Filter {
            track = track == null || track.isBlank() ? null : track;
            status = status == null || !STATUSES.contains(status) ? null : status;
            expiring = Math.max(0, Math.min(expiring, 3660));
        }

        boolean any() {
            return track != null || status != null || expiring > 0;
        }
    }

    /** A person and their latest certification on each track, by track. */
    record Row(Person person, Map<String, Certification> byTrack) {
    }

    /**
     * @param tracks    the tracks shown, as columns, by global id with their titles
     * @param allTracks every track any of the people holds a certification on, by title
     * @param rows      the people shown, by name
     * @param total     how many people the organisation counts, before filtering
     */
    record Report(Map<String, String> tracks, Map<String, String> allTracks, List<Row> rows, int total) {
    }

    Report of(String org, Filter filter, Instant now) {
        Set<String> orgs = organisations.withDescendants(org);
        List<Person> members = new ArrayList<>();
        String after = null;
        while (true) {
            List<Person> page = people.list(orgs, after, PAGE);
            members.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        Map<String, Map<String, Certification>> latest = new HashMap<>();
        Map<String, String> titles = new TreeMap<>();
        // held() is newest first: the first seen per person and track is the latest
        for (Certification c : certifications.held(members.stream().map(Person::id).toList())) {
            latest.computeIfAbsent(c.personId(), p -> new HashMap<>()).putIfAbsent(c.track(), c);
            titles.putIfAbsent(c.track(), c.trackTitle());
        }
        Map<String, String> byTitle = new LinkedHashMap<>();
        titles.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> byTitle.put(e.getKey(), e.getValue()));
        Map<String, String> columns = filter.track() == null ? byTitle
                : Map.of(filter.track(), titles.getOrDefault(filter.track(), filter.track()));
        List<Row> rows = new ArrayList<>();
        for (Person person : members) {
            Map<String, Certification> theirs = new LinkedHashMap<>();
            columns.keySet().forEach(track -> {
                Certification c = latest.getOrDefault(person.id(), Map.of()).get(track);
                if (c != null) {
                    theirs.put(track, c);
                }
            });
            if (shown(theirs, filter, now)) {
                rows.add(new Row(person, theirs));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.person().name(), String.CASE_INSENSITIVE_ORDER).thenComparing(r -> r.person().id()));
        return new Report(columns, byTitle, rows, members.size());
    }

    private static boolean shown(Map<String, Certification> theirs, Filter filter, Instant now) {
        if (!filter.any()) {
            return true;
        }
        if ("none".equals(filter.status())) {
            return theirs.isEmpty();
        }
        return theirs.values().stream().anyMatch(c -> (filter.status() == null || filter.status().equals(wire(c.status())))
                && (filter.expiring() == 0 || (c.current() && c.expiresAt() != null
                        && !c.expiresAt().isAfter(now.plus(Duration.ofDays(filter.expiring()))))));
    }

    /** A status as the API and the filters name it. */
    static String wire(Certification.Status status) {
        return status.name().toLowerCase();
    }
}
