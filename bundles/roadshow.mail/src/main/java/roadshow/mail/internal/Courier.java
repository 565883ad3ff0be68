package roadshow.mail.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.store.api.Schema;

/**
 * Delivers the mails in the outbox, on a thread of its own: at once when a mail is
 * queued on this node ({@link #wake()}), when a mail that failed is due again, and
 * every {@code poll.seconds} for mails queued on other nodes. A new configuration
 * applies from the next mail on, without a restart.
 * <p>
 * The thread's context class loader is set to this bundle's own. Jakarta Mail looks for
 * its implementation (Angus Mail's {@code StreamProvider} and SMTP provider) with
 * {@link java.util.ServiceLoader}, through the context class loader first. SPI Fly, the
 * framework's {@code ServiceLoader} mediator, has woven those calls in the Jakarta Mail
 * bundle: it answers with Angus Mail's providers when the loader given knows none itself,
 * as this bundle's does not. A thread would otherwise inherit the context class loader of
 * the thread that made it, the launcher's class path, which may hold a copy of Jakarta
 * Mail of its own (the integration tests' does), whose provider the framework's API
 * refuses ("MailStreamProvider not a subtype").
 */
@Designate(ocd = Courier.Config.class)
// immediate: it delivers mails queued on other nodes too, whether or not anyone here asks for a Mailer
@Component(service = Courier.class, configurationPid = Courier.PID, immediate = true)
public class Courier {

    static final String PID = "roadshow.mail";

    @ObjectClassDefinition(name = "Roadshow mail",
            description = "The mail server Roadshow sends mail through, and how it tries again when the server cannot take a mail.")
    public @interface Config {

        @AttributeDefinition(required = false, description = "Host name of the SMTP server. Empty: no mail is sent;"
                + " each is written to the log in full instead, and marked as logged.")
        String host() default "";

        @AttributeDefinition(min = "1", max = "65535", description = "Port of the SMTP server: usually 25 or 587, 465 for smtps.")
        int port() default 25;

        @AttributeDefinition(description = "How the connection is protected.", options = {
                @Option(value = "none", label = "None: plain SMTP"),
                @Option(value = "starttls", label = "STARTTLS, required"),
                @Option(value = "smtps", label = "SMTPS: TLS from the start") })
        String security() default "none";

        @AttributeDefinition(required = false, description = "User name to log in to the SMTP server with; empty: no login.")
        String username() default "";

        /** Private (leading dot), so the password is not copied into the service properties. */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(description = "The sender of every mail, with or without a name.")
        String from() default "Roadshow <roadshow@localhost>";

        @AttributeDefinition(min = "1", description = "Seconds to wait for the SMTP server to connect and to answer each command.")
        int timeout_seconds() default 30;

        @AttributeDefinition(min = "1", description = "Attempts at a mail before it is given up on and marked as failed.")
        int max_attempts() default 8;

        @AttributeDefinition(min = "1", description = "Seconds to wait before the second attempt; the pause doubles"
                + " after each failed attempt, up to an hour.")
        int retry_seconds() default 60;

        @AttributeDefinition(min = "1", description = "Seconds between looks at the outbox for mails queued on other nodes.")
        int poll_seconds() default 30;

        @AttributeDefinition(min = "0", description = "Days a sent, logged or failed mail stays in the outbox; 0 keeps them all.")
        int keep_days() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);

    /** The longest wait, on deactivation, for the mail being delivered to be finished. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final Dispatch dispatch;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicBoolean roundPending = new AtomicBoolean();
    private volatile boolean stopping;
    /** {@code null} while the configuration is not valid: mails wait in the outbox until it is. */
    private volatile Settings settings;
    /** The next round scheduled; touched only on the courier's thread. */
    private ScheduledFuture<?> nextRound;

    @Activate
    public Courier(@Reference(name = "schema", target = "(roadshow.schema=roadshow.mail)") Schema schema, Config config) {
        dispatch = new Dispatch(new Outbox(schema.dataSource()), clock);
        thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread courier = new Thread(runnable, "roadshow-mail");
            courier.setDaemon(true);
            courier.setContextClassLoader(Courier.class.getClassLoader());
            return courier;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        configure(config);
    }

    @Modified
    void configure(Config config) {
        try {
            Settings configured = Settings.of(config, clock);
            settings = configured;
            LOG.info("Mail goes to {}", configured.relay());
        } catch (IllegalArgumentException e) {
            settings = null;
            LOG.error("The configuration {} is not valid, so no mail is sent until it is fixed; mails wait in the outbox: {}",
                    PID, e.getMessage());
        }
        wake();
    }

    /** Starts a round through the outbox soon, unless one is about to start anyway. */
    void wake() {
        if (roundPending.compareAndSet(false, true)) {
            try {
                thread.execute(this::round);
            } catch (RejectedExecutionException stopped) {
                roundPending.set(false);
            }
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        // not shutdownNow: interrupting a thread inside JDBC can close an H2 database file under it
        thread.shutdown();
        if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("The mail being delivered was not finished within {} s; it is queued again once its claim runs out",
                    STOP_WAIT.toSeconds());
        }
    }

    private void round() {
        roundPending.set(false);
        Settings current = settings;
        if (current == null || stopping) {
            return;
        }
        Optional<Instant> nextDue = Optional.empty();
        try {
            nextDue = dispatch.deliverDue(current, () -> stopping);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not deliver the mails in the outbox: {}; trying again in {} s", Dispatch.describe(e),
                    current.poll().toSeconds());
        }
        schedule(current.poll(), nextDue);
    }

    /** Schedules the next round when the next mail falls due, or after the poll interval if that comes first. */
    private void schedule(Duration poll, Optional<Instant> nextDue) {
        long delay = poll.toMillis();
        if (nextDue.isPresent()) {
            delay = Math.max(0, Math.min(delay, Duration.between(clock.instant(), nextDue.get()).toMillis()));
        }
        if (nextRound != null) {
            nextRound.cancel(false);
        }
        try {
            nextRound = thread.schedule(this::round, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            nextRound = null;
        }
    }
}
