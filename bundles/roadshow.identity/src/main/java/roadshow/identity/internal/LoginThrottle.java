package roadshow.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed log-ins per account and per address in the database, so that every node
 * counts the same failures, and blocks one that failed too often within the window until
 * the block has passed. Unknown accounts are counted like known ones, so throttling tells
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

    /** How much longer the account or address is blocked, if it is. */
    Optional<Duration> blocked(Connection c, String emailKey, String address, Instant now) throws SQLException {
        Duration longest = null;
        for (String key : keys(emailKey, address)) {
            Optional<Instant> until = Sql.one(c, "select blocked_until from identity_login_failure where throttle_key = ?",
                    r -> Sql.instant(r, "blocked_until"), key);
            if (until.isPresent() && until.get().isAfter(now)) {
                Duration wait = Duration.between(now, until.get());
                longest = longest == null || wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts a failure for both keys; when one reaches its limit, blocks it and says for how long. */
    Optional<Duration> fail(Connection c, String emailKey, String address, Instant now) throws SQLException {
        boolean blockedNow = false;
        List<String> keys = keys(emailKey, address);
        for (String key : keys) {
            int limit = key.startsWith("account:") ? accountFailures : addressFailures;
            Optional<Counted> counted = Sql.one(c, "select failures, window_started_at from identity_login_failure"
                    + " where throttle_key = ? for update", r -> new Counted(r.getInt(1), Sql.instant(r, "window_started_at")), key);
            if (counted.isEmpty()) {
                Sql.update(c, "insert into identity_login_failure (throttle_key, failures, window_started_at, blocked_until)"
                        + " values (?, 1, ?, ?)", key, now, limit <= 1 ? now.plus(block) : null);
                blockedNow |= limit <= 1;
            } else if (counted.get().since().plus(window).isBefore(now)) {
                Sql.update(c, "update identity_login_failure set failures = 1, window_started_at = ?, blocked_until = null"
                        + " where throttle_key = ?", now, key);
            } else {
                int failures = counted.get().failures() + 1;
                Instant until = failures >= limit ? now.plus(block) : null;
                Sql.update(c, "update identity_login_failure set failures = ?, blocked_until = ? where throttle_key = ?",
                        failures, until, key);
                blockedNow |= until != null;
            }
        }
        return blockedNow ? Optional.of(block) : Optional.empty();
    }

    /** A right password clears the account's count; the address's stays, as one account proves nothing about others. */
    void succeed(Connection c, String emailKey) throws SQLException {
        Sql.update(c, "delete from identity_login_failure where throttle_key = ?", "account:" + emailKey);
    }

    private static List<String> keys(String emailKey, String address) {
        List<String> keys = new ArrayList<>(2);
        keys.add("account:" + emailKey);
        if (address != null) {
            keys.add("address:" + address);
        }
        return keys;
    }

    private record Counted(int failures, Instant since) {
    }
}
