package roadshow.certification.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/**
 * The tracks and partner programmes of the content bundles active now, with the titles of
 * what they name. A bundle that goes away takes its tracks with it: nothing more is issued
 * on them until it is back, and what was issued stays.
 */
@Component(service = ServedTracks.class)
public class ServedTracks {

    /** A track as served, with the version of the bundle that serves it. */
    record Served(Track track, String version) {
    }

    private final List<ContentBundle> bundles = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBundle(ContentBundle bundle) {
        bundles.add(bundle);
    }

    void removeBundle(ContentBundle bundle) {
        bundles.remove(bundle);
    }

    List<Served> tracks() {
        return bundles.stream()
                .flatMap(bundle -> bundle.tracks().stream().map(track -> new Served(track, bundle.version())))
                .sorted(Comparator.comparing((Served s) -> s.track().vendor()).thenComparing(s -> s.track().title()))
                .toList();
    }

    Optional<Served> track(String globalId) {
        return tracks().stream().filter(s -> s.track().globalId().equals(globalId)).findFirst();
    }

    List<Program> programs() {
        return bundles.stream().flatMap(bundle -> bundle.program().stream()).sorted(Comparator.comparing(Program::vendor)).toList();
    }

    Optional<Program> program(String vendor) {
        return programs().stream().filter(p -> p.vendor().equals(vendor)).findFirst();
    }

    /** The title of a course or quiz, by global id, or the id when it is not served. */
    String courseTitle(String globalId) {
        return find(globalId, (bundle, id) -> bundle.course(id).map(Course::title)).orElse(globalId);
    }

    String quizTitle(String globalId) {
        return find(globalId, (bundle, id) -> bundle.quiz(id).map(Quiz::title)).orElse(globalId);
    }

    String trackTitle(String globalId) {
        return track(globalId).map(s -> s.track().title()).orElse(globalId);
    }

    private interface Lookup {
        Optional<String> in(ContentBundle bundle, String id);
    }

    private Optional<String> find(String globalId, Lookup lookup) {
        int slash = globalId.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String vendor = globalId.substring(0, slash);
        String id = globalId.substring(slash + 1);
        return bundles.stream().filter(b -> b.vendor().equals(vendor)).map(b -> lookup.in(b, id)).flatMap(Optional::stream).findFirst();
    }
}
