package roadshow.certification.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.certification.api.PartnerTiers;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.learning.api.CompletionListener;
import roadshow.quiz.api.AttemptListener;
import roadshow.quiz.api.AttemptResult;

/**
 * Certifies as learners progress: a course completed or a quiz passed may meet a track or
 * renew a certification, and a certification issued may move the learner's organisation
 * (and those above it) to another tier. The work is done on a thread of its own, so that
 * the learner's request does not wait for it; anything missed (a node stopped with work
 * queued) is found again the next time the learner's certifications are read.
 */
@Component(service = {CompletionListener.class, AttemptListener.class})
public class CertifyOnProgress implements CompletionListener, AttemptListener {

    private static final Logger LOG = LoggerFactory.getLogger(CertifyOnProgress.class);
    /** People waiting to be evaluated; beyond this the oldest evaluations are left to the next read. */
    private static final int QUEUE = 10_000;

    private final Certifications certifications;
    private final PartnerTiers tiers;
    private final People people;
    private final Organisations organisations;
    private final ExecutorService worker;

    @Activate
    public CertifyOnProgress(@Reference Certifications certifications, @Reference PartnerTiers tiers, @Reference People people,
            @Reference Organisations organisations) {
        this.certifications = certifications;
        this.tiers = tiers;
        this.people = people;
        this.organisations = organisations;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "roadshow-certify");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    @Deactivate
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void completed(String personId, String course, String version, Instant at) {
        evaluateLater(personId);
    }

    @Override
    public void submitted(String personId, String quiz, String attempt, AttemptResult result, Instant at) {
        if (result.passed()) {
            evaluateLater(personId);
        }
    }

    private void evaluateLater(String personId) {
        worker.execute(() -> {
            try {
                evaluate(personId);
            } catch (RuntimeException e) {
                LOG.error("Could not look at the certifications of {}; they are looked at again when next read", personId, e);
            }
        });
    }

    /** Issues or renews what the person has earned, and looks again at the tiers of their organisation and those above it. */
    void evaluate(String personId) {
        var changed = certifications.evaluate(personId);
        if (changed.isEmpty()) {
            return;
        }
        for (Certification certification : changed) {
            LOG.info("Certification {} on {} for {}: expires {}", certification.renewals() == 0 ? "issued" : "renewed",
                    certification.track(), personId, certification.expiresAt() == null ? "never" : certification.expiresAt());
        }
        Optional<String> org = people.find(personId).map(Person::org);
        Set<String> chain = new LinkedHashSet<>();
        while (org.isPresent() && chain.add(org.get())) {
            org = organisations.find(org.get()).map(Organisation::parent);
        }
        chain.forEach(tiers::standings);
    }
}
