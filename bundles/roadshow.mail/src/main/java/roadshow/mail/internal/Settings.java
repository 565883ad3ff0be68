package roadshow.mail.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * What the courier works by, read and checked from its configuration.
 *
 * @param relay       where mails go
 * @param maxAttempts the attempts made at a mail before it is given up on
 * @param firstRetry  the pause after the first failed attempt, doubled after each
 *                    further one up to {@link #MAX_RETRY}
 * @param poll        how often the outbox is looked at for mails queued on other nodes
 *                    and for mails due again
 * @param lease       how long a node's claim on a mail holds: a mail claimed longer ago
 *                    and not finished is taken to be abandoned
 * @param keep        how long finished mails stay in the outbox; zero keeps them
 */
record Settings(Relay relay, int maxAttempts, Duration firstRetry, Duration poll, Duration lease, Duration keep) {

    /** The longest pause between two attempts at a mail. */
    static final Duration MAX_RETRY = Duration.ofHours(1);

    /** The shortest lease: an attempt takes a few timeouts (connect, then each command and the mail itself), and no more. */
    static final Duration MIN_LEASE = Duration.ofMinutes(10);

    /**
     * Reads a configuration.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Settings of(Courier.Config config, Clock clock) {
        String host = config.host().trim();
        Duration timeout = Duration.ofSeconds(atLeast(1, "timeout.seconds", config.timeout_seconds()));
        Relay relay;
        if (host.isEmpty()) {
            relay = new LogRelay();
        } else {
            if (config.port() < 1 || config.port() > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535, not " + config.port());
            }
            String from = config.from().trim();
            MimeMail.checkAddress("from", from);
            relay = new SmtpRelay(host, config.port(), SmtpRelay.Security.named(config.security()),
                    config.username().trim(), config._password(), from, timeout, clock);
        }
        return new Settings(relay,
                atLeast(1, "max.attempts", config.max_attempts()),
                Duration.ofSeconds(atLeast(1, "retry.seconds", config.retry_seconds())),
                Duration.ofSeconds(atLeast(1, "poll.seconds", config.poll_seconds())),
                max(MIN_LEASE, timeout.multipliedBy(10)),
                Duration.ofDays(atLeast(0, "keep.days", config.keep_days())));
    }

    /** The pause before the next attempt, after {@code attempts} failed ones. */
    Duration retryAfter(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(MAX_RETRY) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause;
    }

    private static int atLeast(int min, String name, int value) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
