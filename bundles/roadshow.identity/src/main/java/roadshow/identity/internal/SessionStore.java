package roadshow.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.Sessions;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link Sessions} in the identity tables, found by the digest of their cookie secret. */
@Component(service = Sessions.class, configurationPid = IdentityConfiguration.PID)
public class SessionStore implements Sessions {

    /** How stale a session's last-seen time may get before a request writes it: one write a minute, not one a request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Sql sql;
    private volatile Duration idle;
    private volatile Duration absolute;

    @Activate
    public SessionStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema, IdentityConfiguration config) {
        this.sql = new Sql(schema.dataSource());
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        idle = Duration.ofMinutes(config.session_idle_minutes());
        absolute = Duration.ofHours(config.session_absolute_hours());
    }

    @Override
    public Session open(String personId) {
        String secret = Secrets.random();
        String csrf = Secrets.random(24);
        Instant now = Instant.now();
        Instant expires = now.plus(absolute);
        sql.transaction(c -> {
            // Sweep what has ended; log-ins are rare enough to carry it.
            Sql.update(c, "delete from identity_session where expires_at < ? or last_seen_at < ?", now, now.minus(idle));
            Sql.update(c, "insert into identity_session (digest, person, csrf_token, created_at, last_seen_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?)", Secrets.digest(secret), personId, csrf, now, now, expires);
            return null;
        });
        return new Session(secret, personId, csrf, now, expires);
    }

    @Override
    public Optional<Session> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 128) {
            return Optional.empty();
        }
        String digest = Secrets.digest(secret);
        Instant now = Instant.now();
        Optional<Seen> seen = sql.one("select person, csrf_token, created_at, last_seen_at, expires_at from identity_session"
                + " where digest = ? and expires_at > ? and last_seen_at > ?",
                r -> new Seen(new Session(null, r.getString("person"), r.getString("csrf_token"), Sql.instant(r, "created_at"),
                        Sql.instant(r, "expires_at")), Sql.instant(r, "last_seen_at")),
                digest, now, now.minus(idle));
        seen.filter(s -> s.lastSeen().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(s -> sql.update("update identity_session set last_seen_at = ? where digest = ?", now, digest));
        return seen.map(Seen::session);
    }

    private record Seen(Session session, Instant lastSeen) {
    }

    @Override
    public void close(String secret) {
        if (secret != null && !secret.isEmpty()) {
            sql.update("delete from identity_session where digest = ?", Secrets.digest(secret));
        }
    }

    @Override
    public void closeAll(String personId, String exceptSecret) {
        sql.update("delete from identity_session where person = ? and digest <> ?", personId,
                exceptSecret == null ? "" : Secrets.digest(exceptSecret));
    }
}
