package roadshow.mail.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.mail.api.Mail;

/**
 * One round through the outbox: every mail that is due is claimed, handed to the relay,
 * and recorded as sent, logged, due again later, or failed. The courier runs a round
 * whenever a mail is queued and whenever the next one falls due; a round is plain code
 * on the calling thread, so that tests can run it step by step.
 */
final class Dispatch {

    /** Mails read from the outbox at a time. */
    static final int BATCH = 50;

    /** How often finished mails older than {@link Settings#keep()} are deleted. */
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);

    private final Outbox outbox;
    private final Clock clock;
    private Instant lastPurge = Instant.MIN;

    Dispatch(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Delivers the mails that are due, one after the other.
     *
     * @param stopping asked between mails: once it says so, the round ends early
     * @return when the next queued mail falls due, if one is queued
     * @throws SQLException if the outbox cannot be read or written; a mail claimed
     *         when it happened is queued again once its claim runs out
     */
    Optional<Instant> deliverDue(Settings settings, BooleanSupplier stopping) throws SQLException {
        Instant now = clock.instant();
        int abandoned = outbox.releaseAbandoned(now.minus(settings.lease()), now);
        if (abandoned > 0) {
            LOG.warn("{} mails were claimed over {} ago by a node that never finished them; they are queued again",
                    abandoned, settings.lease());
        }
        purge(settings, now);
        List<String> due;
        do {
            due = outbox.due(clock.instant(), BATCH);
            for (String id : due) {
                if (stopping.getAsBoolean()) {
                    return Optional.empty();
                }
                deliver(id, settings);
            }
        } while (due.size() == BATCH);
        return outbox.nextDue();
    }

    private void deliver(String id, Settings settings) throws SQLException {
        Optional<Outbox.Claim> claimed = outbox.claim(id, clock.instant());
        if (claimed.isEmpty()) {
            return; // another node claimed it first
        }
        Outbox.Claim claim = claimed.get();
        Mail mail = null;
        try {
            mail = outbox.load(id);
            Relay.Outcome outcome = settings.relay().deliver(id, mail);
            boolean recorded = outbox.finish(claim,
                    outcome == Relay.Outcome.SENT ? Outbox.State.SENT : Outbox.State.LOGGED, clock.instant(), null);
            if (!recorded) {
                LOG.warn("Mail {} to {} was delivered, but had been taken over by another node meanwhile,"
                        + " as this one took longer than {}: it may arrive twice", id, mail.to(), settings.lease());
            } else if (claim.attempts() > 1) {
                LOG.info("Mail {} to {} delivered to {} at attempt {}", id, mail.to(), settings.relay(), claim.attempts());
            } else {
                LOG.debug("Mail {} to {} delivered to {}", id, mail.to(), settings.relay());
            }
        } catch (MessagingException | RuntimeException e) {
            failed(claim, mail, settings, e);
        }
    }

    private void failed(Outbox.Claim claim, Mail mail, Settings settings, Exception e) throws SQLException {
        String error = describe(e);
        String to = mail == null ? "(unreadable)" : mail.to();
        if (permanent(e) || claim.attempts() >= settings.maxAttempts()) {
            outbox.finish(claim, Outbox.State.FAILED, clock.instant(), error);
            LOG.error("Gave up on mail {} to {} after {} attempts: {}", claim.mailId(), to, claim.attempts(), error);
        } else {
            Instant next = clock.instant().plus(settings.retryAfter(claim.attempts()));
            outbox.retry(claim, next, error);
            LOG.warn("Mail {} to {} not delivered to {} (attempt {} of {}): {}; trying again at {}",
                    claim.mailId(), to, settings.relay(), claim.attempts(), settings.maxAttempts(), error, next);
        }
    }

    private void purge(Settings settings, Instant now) throws SQLException {
        if (settings.keep().isZero() || lastPurge.isAfter(now.minus(PURGE_INTERVAL))) {
            return;
        }
        lastPurge = now;
        int purged = outbox.purge(now.minus(settings.keep()));
        if (purged > 0) {
            LOG.info("Deleted {} mails finished more than {} days ago from the outbox", purged, settings.keep().toDays());
        }
    }

    /**
     * Whether trying again is pointless: the mail cannot be built as it is, or the mail
     * server refused its recipient outright (a 5xx reply), as opposed to failing for now.
     */
    static boolean permanent(Exception e) {
        if (e instanceof IllegalArgumentException) {
            return true;
        }
        if (e instanceof SendFailedException refused) {
            Address[] invalid = refused.getInvalidAddresses();
            return invalid != null && invalid.length > 0;
        }
        return false;
    }

    /** The exception and its causes, each message once: what an operator reads in the outbox. */
    static String describe(Throwable e) {
        StringBuilder description = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (previous == null || !previous.contains(message)) {
                if (description.length() > 0) {
                    description.append(": ");
                }
                description.append(message);
            }
            previous = message;
        }
        return description.toString();
    }
}
