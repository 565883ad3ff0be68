package roadshow.content.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.ContentBundleState;
import roadshow.content.api.ContentBundleState.State;
import roadshow.content.api.ContentBundles;
import roadshow.content.api.ContentProblem;
import roadshow.content.api.Course;
import roadshow.content.api.Track;

/**
 * The content extender, in the manner of Felix SCR's: it tracks every bundle with a
 * {@code Roadshow-Content} header, reads and validates the content of each one that
 * is started, and registers a {@link ContentBundle} service for it with the content
 * bundle's own context, so that the service goes away with the bundle. A bundle that
 * breaks a rule is refused as a whole and only shows up in {@link #states()}.
 *
 * <p>Each bundle's transitions run under that bundle's own lock, so a slow read of one
 * bundle never holds up another; the shared maps are guarded by {@code lock}, which is
 * never held while calling out to the framework's service registry (a listener there
 * may call {@link #states()}).
 */
@Component(service = ContentBundles.class, immediate = true, configurationPid = ContentLimitsConfiguration.PID)
@Designate(ocd = ContentLimitsConfiguration.class)
@Capability(namespace = "osgi.extender", name = ContentExtender.EXTENDER, version = ContentExtender.EXTENDER_VERSION)
public final class ContentExtender implements ContentBundles {

    static final String EXTENDER = "roadshow.content";
    static final String EXTENDER_VERSION = "1.0";

    private static final Logger LOG = LoggerFactory.getLogger(ContentExtender.class);
    private static final int TRACKED_STATES = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE;

    private final Object lock = new Object();
    /** Guarded by {@code lock}: every tracked content bundle, by bundle id. */
    private final Map<Long, TrackedBundle> tracked = new HashMap<>();
    /** Guarded by {@code lock}: upgrades refused before install, by symbolic name, until that bundle changes. */
    private final Map<String, ContentBundleState> refusedBeforeInstall = new HashMap<>();
    /**
     * Guarded by {@code lock}: the tracking serving each course global id. Keyed by the
     * tracking, not the bundle id: the old tracking of a bundle may let go while a new one
     * of the same bundle already serves.
     */
    private final Map<String, TrackedBundle> servedCourses = new HashMap<>();
    /** Guarded by {@code lock}: the tracking serving each track global id. */
    private final Map<String, TrackedBundle> servedTracks = new HashMap<>();
    /** Guarded by {@code lock}: the tracking serving each vendor's partner programme, by vendor id. */
    private final Map<String, TrackedBundle> servedPrograms = new HashMap<>();

    private volatile BundleContext context;
    private volatile ContentReader reader;
    private volatile BundleTracker<TrackedBundle> tracker;
    /** For tests: runs after a bundle's claim was refused, before the refusal is shown. */
    volatile Runnable afterRefusedClaim = () -> { };

    @Activate
    void activate(BundleContext context, ContentLimitsConfiguration config) {
        open(context, ContentLimits.of(config));
    }

    /**
     * New limits apply to the bundles read from now on, and to those refused so far, which
     * may pass now; the bundles being served stay as they are, rather than every course
     * leaving the catalog while all are read again.
     */
    @Modified
    void configure(ContentLimitsConfiguration config) {
        reader = new ContentReader(ContentLimits.of(config));
        List<TrackedBundle> all;
        synchronized (lock) {
            all = new ArrayList<>(tracked.values());
        }
        all.forEach(TrackedBundle::rereadIfRefused);
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /** Starts tracking content bundles; what {@link #activate} does, with limits given directly. */
    void open(BundleContext context, ContentLimits limits) {
        open(context, new ContentReader(limits));
    }

    /** Starts tracking content bundles, reading them with {@code reader}. */
    void open(BundleContext context, ContentReader reader) {
        this.context = context;
        this.reader = reader;
        BundleTracker<TrackedBundle> bundles = new BundleTracker<>(context, TRACKED_STATES, new Customizer());
        this.tracker = bundles;
        bundles.open();
    }

    /** Withdraws every content bundle's service and stops tracking. */
    void close() {
        tracker.close();
    }

    @Override
    public List<ContentBundleState> states() {
        List<TrackedBundle> shown = new ArrayList<>();
        List<ContentBundleState> states = new ArrayList<>();
        synchronized (lock) {
            for (TrackedBundle bundle : tracked.values()) {
                if (bundle.state != null) {
                    shown.add(bundle);
                    states.add(bundle.state);
                }
            }
            states.addAll(refusedBeforeInstall.values());
        }
        Bundle[] installed = null;
        for (int i = 0; i < states.size(); i++) {
            ContentBundleState state = states.get(i);
            if (state.state() == State.UNRESOLVED && i < shown.size()) {
                // explained now rather than when it was installed: the bundles it waits for may have come since
                installed = installed == null ? context.getBundles() : installed;
                states.set(i, new ContentBundleState(state.bundleId(), state.symbolicName(), state.version(), state.vendor(),
                        state.state(), state.courses(), UnsatisfiedRequirements.explain(shown.get(i).bundle, installed), state.since()));
            }
        }
        states.sort(Comparator.comparing(ContentBundleState::symbolicName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(ContentBundleState::bundleId));
        return states;
    }

    @Override
    public void refuseBeforeInstall(String symbolicName, String version, String vendor, List<ContentProblem> problems) {
        ContentBundleState refused = new ContentBundleState(-1, symbolicName, version, vendor, State.REFUSED, List.of(),
                problems, Instant.now());
        synchronized (lock) {
            refusedBeforeInstall.put(symbolicName, refused);
        }
    }

    /** The tracking of a bundle, for tests. */
    TrackedBundle tracking(Bundle bundle) {
        return tracker.getObject(bundle);
    }

    /** Serves content that was refused only because its ids were taken, once they are free. */
    private void retryWaiting() {
        List<TrackedBundle> ready = new ArrayList<>();
        synchronized (lock) {
            for (TrackedBundle bundle : tracked.values()) {
                Curriculum waiting = bundle.waiting;
                if (waiting != null && taken(bundle, waiting).isEmpty()) {
                    ready.add(bundle);
                }
            }
        }
        ready.forEach(TrackedBundle::retry);
    }

    /**
     * Why {@code claimant} cannot serve {@code content}: the course and track ids and the
     * partner programme that another tracking serves. Called with {@code lock} held.
     */
    private List<ContentProblem> taken(TrackedBundle claimant, Curriculum content) {
        List<ContentProblem> taken = new ArrayList<>();
        String advice = "; remove that bundle first, or update it instead of installing another";
        for (Course course : content.courses()) {
            TrackedBundle owner = servedCourses.get(course.globalId());
            if (owner != null && owner != claimant) {
                taken.add(new ContentProblem(content.folder() + course.folder() + CourseReader.COURSE_FILE, null,
                        Rule.ID_TAKEN.id(), "the course " + course.globalId() + " is already served by " + owner.describe()
                                + advice));
            }
        }
        for (Track track : content.tracks()) {
            TrackedBundle owner = servedTracks.get(track.globalId());
            if (owner != null && owner != claimant) {
                taken.add(new ContentProblem(content.folder() + ContentReader.TRACKS + track.id() + ".yaml", null,
                        Rule.ID_TAKEN.id(), "the track " + track.globalId() + " is already served by " + owner.describe()
                                + advice));
            }
        }
        if (content.program() != null) {
            TrackedBundle owner = servedPrograms.get(content.vendor());
            if (owner != null && owner != claimant) {
                taken.add(new ContentProblem(content.folder() + ProgramReader.PROGRAM_FILE, null, Rule.ID_TAKEN.id(),
                        "the partner programme of vendor " + content.vendor() + " is already served by " + owner.describe()
                                + "; a vendor's tiers come from one bundle: keep " + ProgramReader.PROGRAM_FILE
                                + " in only one of them"));
            }
        }
        return taken;
    }

    final class Customizer implements BundleTrackerCustomizer<TrackedBundle> {

        @Override
        public TrackedBundle addingBundle(Bundle bundle, BundleEvent event) {
            if (bundle.getHeaders("").get(BundleManifest.CONTENT) == null) {
                return null;
            }
            TrackedBundle content = new TrackedBundle(bundle);
            synchronized (lock) {
                tracked.put(bundle.getBundleId(), content);
            }
            content.update();
            return content;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, TrackedBundle content) {
            content.update();
            retryWaiting();
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, TrackedBundle content) {
            content.forget();
            synchronized (lock) {
                // only this tracking of the bundle: the tracker may already be adding a new one
                tracked.remove(bundle.getBundleId(), content);
            }
            retryWaiting();
        }
    }

    /** One bundle with a {@code Roadshow-Content} header, from when the tracker first sees it to when it lets go. */
    final class TrackedBundle {

        final Bundle bundle;
        /** Guarded by {@code lock}: what {@link #states()} shows, or {@code null} for nothing. */
        ContentBundleState state;
        /**
         * Valid content refused only because its ids are taken. Set under {@code lock} together
         * with the refused claim, so that whoever frees the ids next sees it and retries;
         * cleared under this bundle's lock.
         */
        volatile Curriculum waiting;
        /** Guarded by this: the revision last read, so a lazy bundle going from STARTING to ACTIVE is not read twice. */
        private BundleRevision revision;
        /** Guarded by this. */
        private ServiceRegistration<ContentBundle> registration;

        TrackedBundle(Bundle bundle) {
            this.bundle = bundle;
        }

        /** Follows the bundle's state: serves it when started, withdraws it otherwise, re-reads it when updated. */
        synchronized void update() {
            if (bundle.getHeaders("").get(BundleManifest.CONTENT) == null) {
                // updated to a version that is no content bundle
                forget();
                return;
            }
            if (serves()) {
                BundleRevision current = bundle.adapt(BundleRevision.class);
                if (current != null && current.equals(revision)) {
                    return;
                }
                withdraw();
                revision = current;
                forgetRefusalBeforeInstall();
                read();
            } else {
                withdraw();
                revision = null;
                show(bundle.getState() == Bundle.INSTALLED ? state(State.UNRESOLVED, List.of(), List.of()) : null);
            }
        }

        synchronized void forget() {
            forgetRefusalBeforeInstall();
            withdraw();
            revision = null;
            show(null);
        }

        /** Reads the bundle again if it is refused now: the rules it broke may have changed. */
        synchronized void rereadIfRefused() {
            boolean refused;
            synchronized (lock) {
                refused = state != null && state.state() == State.REFUSED;
            }
            if (refused && serves()) {
                withdraw();
                read();
            }
        }

        synchronized void retry() {
            Curriculum content = waiting;
            if (content != null) {
                waiting = null;
                publish(content);
            }
        }

        /** Whether the bundle is started, or waits to be started lazily, which a bundle without classes never is. */
        private boolean serves() {
            int current = bundle.getState();
            if (current == Bundle.ACTIVE) {
                return true;
            }
            String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
            return current == Bundle.STARTING && policy != null
                    && Constants.ACTIVATION_LAZY.equals(policy.split(";", 2)[0].strip());
        }

        private void read() {
            Verdict verdict;
            try {
                verdict = reader.read(new BundleContentSource(bundle));
            } catch (IOException e) {
                verdict = new Verdict.Refused(List.of(new ContentProblem(null, null, Rule.ENTRY_UNREADABLE.id(),
                        "the bundle cannot be read: " + e.getMessage())));
            } catch (IllegalStateException e) {
                if (bundle.getState() == Bundle.UNINSTALLED) {
                    // uninstalled while it was read; the tracker removes it next
                    show(null);
                    return;
                }
                verdict = unreadable(e);
            } catch (RuntimeException | StackOverflowError e) {
                // never into the framework's event dispatch: the bundle would be left neither served nor refused
                verdict = unreadable(e);
            }
            if (verdict instanceof Verdict.Accepted accepted) {
                publish(accepted.curriculum());
            } else {
                refuse(verdict.problems());
            }
        }

        private Verdict unreadable(Throwable e) {
            LOG.error("Cannot read content bundle {}", describe(), e);
            return ContentReader.failed(e);
        }

        private void publish(Curriculum content) {
            List<ContentProblem> taken = claim(content);
            if (!taken.isEmpty()) {
                afterRefusedClaim.run();
                refuse(taken);
                return;
            }
            BundleContext bundleContext = bundle.getBundleContext();
            try {
                if (bundleContext == null) {
                    throw new IllegalStateException("not started");
                }
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(ContentBundle.VENDOR, content.vendor());
                properties.put(ContentBundle.SYMBOLIC_NAME, content.symbolicName());
                properties.put(ContentBundle.VERSION, content.version());
                // registered through the content bundle's own context, so that it leaves with the bundle
                registration = bundleContext.registerService(ContentBundle.class, new ActiveContentBundle(bundle, content),
                        properties);
                LOG.info("Serving content bundle {} {} of vendor {}: courses {}", content.symbolicName(), content.version(),
                        content.vendor(), content.courseIds());
            } catch (IllegalStateException e) {
                // stopped while it was read; the tracker reports the stop next
                release();
                show(null);
            }
        }

        /**
         * Claims the content's course and track ids and its vendor's programme and shows the
         * bundle active, or returns why another bundle holds them and leaves the content
         * waiting for them.
         */
        private List<ContentProblem> claim(Curriculum content) {
            synchronized (lock) {
                List<ContentProblem> taken = taken(this, content);
                if (taken.isEmpty()) {
                    content.courseIds().forEach(id -> servedCourses.put(id, this));
                    content.tracks().forEach(track -> servedTracks.put(track.globalId(), this));
                    if (content.program() != null) {
                        servedPrograms.put(content.vendor(), this);
                    }
                    state = state(State.ACTIVE, content.courseIds(), List.of());
                } else {
                    // in the same lock as the claim: a bundle that frees the ids after this sees it waiting
                    waiting = content;
                }
                return taken;
            }
        }

        private void refuse(List<ContentProblem> problems) {
            for (ContentProblem problem : problems) {
                LOG.warn("Refused content bundle {}: {}", describe(), problem);
            }
            show(state(State.REFUSED, List.of(), problems));
        }

        /** Unregisters the bundle's service, if any, and frees its ids. */
        private void withdraw() {
            waiting = null;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already unregistered by the framework, as the bundle stopped
                }
                registration = null;
                LOG.info("Withdrew content bundle {}", describe());
            }
            release();
        }

        private void release() {
            synchronized (lock) {
                servedCourses.values().removeIf(owner -> owner == this);
                servedTracks.values().removeIf(owner -> owner == this);
                servedPrograms.values().removeIf(owner -> owner == this);
            }
        }

        private void forgetRefusalBeforeInstall() {
            synchronized (lock) {
                refusedBeforeInstall.remove(bundle.getSymbolicName());
            }
        }

        private void show(ContentBundleState shown) {
            synchronized (lock) {
                state = shown;
            }
        }

        private ContentBundleState state(State kind, List<String> courses, List<ContentProblem> problems) {
            return new ContentBundleState(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                    bundle.getHeaders("").get(BundleManifest.VENDOR), kind, courses, problems, Instant.now());
        }

        String describe() {
            return bundle.getSymbolicName() + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId() + ")";
        }
    }
}
