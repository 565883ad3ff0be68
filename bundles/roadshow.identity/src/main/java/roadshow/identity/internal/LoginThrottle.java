package roadshow.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import roadshow.store.api.Sql;

/**
 * Counts log-in attempts per account and per address in the database, so that every node
 * counts the same, and blocks one that used up its tries within the window until the block
 * has passed; a right password gives the attempt back. Unknown accounts are counted like known ones, so throttling tells
 * nobody which addresses have accounts.
 */
final class LoginThrottle {

    private final int accountFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration block;

    LoginThrottle(IdentityConfiguration config) {
        this.accountFailures = config.throttle_account_failures();
        this.addressFailures = config.throttle_address_failures();
        this.window = Duration.ofSeconds(config.throttle_window_seconds());
        this.block = Duration.ofSeconds(config.throttle_block_seconds());
    }

    /** What {@link #reserve} decided: wait this long, or go ahead (and whether this attempt used up the last try). */
    record Reservation(Optional<Duration> blockedFor, boolean lastTry) {
    }

    /**
     * Counts an attempt for the account and the address before its password is checked, so
     * that attempts made at the same moment count too: once either has used up its tries
     * within the window, it waits out the block. Runs in the caller's transaction with both
     * rows locked.
     */
    Reservation reserve(Connection c, String emailKey, String address, Instant now) throws SQLException {
        List<String> keys = keys(emailKey, address);
        List<Counted> rows = new ArrayList<>();
        Duration longest = null;
        for (String key : keys) {
            Counted counted = Sql.one(c, "select failures, window_started_at, blocked_until from identity_login_failure"
                    + " where throttle_key = ? for update",
                    r -> new Counted(r.getInt(1), Sql.instant(r, "window_started_at"), Sql.instant(r, "blocked_until")), key).orElse(null);
            if (counted != null && counted.blockedUntil() != null && counted.blockedUntil().isAfter(now)) {
                Duration wait = Duration.between(now, counted.blockedUntil());
                longest = longest == null || wait.compareTo(longest) > 0 ? wait : longest;
            }
            rows.add(counted);
        }
        if (longest != null) {
            return new Reservation(Optional.of(longest), false);
        }
        boolean lastTry = false;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Counted counted = rows.get(i);
            int limit = key.startsWith("account:") ? accountFailures : addressFailures;
            if (counted == null) {
                Sql.update(c, "insert into identity_login_failure (throttle_key, failures, window_started_at, blocked_until)"
                        + " values (?, 1, ?, ?)", key, now, limit <= 1 ? now.plus(block) : null);
                lastTry |= limit <= 1;
            } else if (counted.since().plus(window).isBefore(now)) {
                Sql.update(c, "update identity_login_failure set failures = 1, window_started_at = ?, blocked_until = ?"
                        + " where throttle_key = ?", now, limit <= 1 ? now.plus(block) : null, key);
                lastTry |= limit <= 1;
            } else {
                int attempts = counted.failures() + 1;
                Instant until = attempts >= limit ? now.plus(block) : null;
                Sql.update(c, "update identity_login_failure set failures = ?, blocked_until = ? where throttle_key = ?",
                        attempts, until, key);
                lastTry |= until != null;
            }
        }
        return new Reservation(Optional.empty(), lastTry);
    }

    /**
     * The password was right: the account's count starts again, and the address's attempt is
     * given back, as one account proves nothing about others.
     */
    void succeed(Connection c, String emailKey, String address) throws SQLException {
        Sql.update(c, "delete from identity_login_failure where throttle_key = ?", accountKey(emailKey));
        if (address != null) {
            Sql.update(c, "update identity_login_failure set failures = failures - 1, blocked_until = null"
                    + " where throttle_key = ? and failures > 0", "address:" + address);
        }
    }

    /** How long a refused attempt that used up the last try makes the next one wait. */
    Duration block() {
        return block;
    }

    /** An over-long address is counted by its digest, so that no key overflows its column and escapes counting. */
    private static String accountKey(String emailKey) {
        return "account:" + (emailKey.length() > 254 ? Secrets.digest(emailKey) : emailKey);
    }

    private static List<String> keys(String emailKey, String address) {
        List<String> keys = new ArrayList<>(2);
        keys.add(accountKey(emailKey));
        if (address != null) {
            keys.add("address:" + (address.length() > 250 ? Secrets.digest(address) : address));
        }
        return keys;
    }

    private record Counted(int failures, Instant since, Instant blockedUntil) {
    }
}
