package roadshow.certification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.mail.api.Mailer;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * What time alone changes, looked at every {@code check.seconds}: reminders of expiries
 * coming, and tiers lost (or won back) as certifications expire, recorded as they change.
 */
@Component(configurationPid = CertificationConfig.PID)
public class CertificationWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationWatch.class);
    private static final int PAGE = 500;

    private final ExpiryReminders reminders;
    private final TierStore tiers;
    private final Organisations organisations;
    private final CertificationConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor thread;

    @Activate
    public CertificationWatch(@Reference(target = "(roadshow.schema=roadshow.certification)") Schema schema,
            @Reference CertificationStore certifications, @Reference TierStore tiers, @Reference ServedTracks tracks,
            @Reference People people, @Reference Organisations organisations, @Reference Mailer mailer, CertificationConfig config,
            BundleContext context) {
        this.reminders = new ExpiryReminders(new Sql(schema.dataSource()), certifications, tracks, people, mailer, publicUrl(context));
        this.tiers = tiers;
        this.organisations = organisations;
        this.config = config;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "roadshow-certification-watch");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.scheduleWithFixedDelay(this::round, Math.max(0, config.first_check_seconds()), Math.max(1, config.check_seconds()),
                TimeUnit.SECONDS);
    }

    /** The address links in e-mails start with: {@code roadshow.public.url}, or this host's port on localhost. */
    static String publicUrl(BundleContext context) {
        return Optional.ofNullable(context.getProperty("roadshow.public.url")).filter(s -> !s.isBlank())
                .orElseGet(() -> "http://localhost:" + Optional.ofNullable(context.getProperty("org.osgi.service.http.port")).orElse("8080"))
                .replaceAll("/+$", "");
    }

    @Deactivate
    void stop() throws InterruptedException {
        // not shutdownNow: interrupting a thread inside JDBC can close an H2 database file under it
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    void round() {
        try {
            int sent = reminders.send(config.reminder_days(), clock.instant()).size();
            if (sent > 0) {
                LOG.info("Sent {} certification expiry reminders", sent);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not send certification expiry reminders; trying again in {} seconds", config.check_seconds(), e);
        }
        try {
            String after = null;
            while (true) {
                List<Organisation> page = organisations.list(after, PAGE);
                page.forEach(org -> tiers.standings(org.id()));
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        } catch (RuntimeException e) {
            LOG.error("Could not look at partner tiers; trying again in {} seconds", config.check_seconds(), e);
        }
    }
}
