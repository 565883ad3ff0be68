package roadshow.identity.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed-in sessions, kept in the database so that any node serves any request. A session
 * is found by the secret in its cookie, of which only a digest is stored; it ends after an
 * idle timeout and, however busy, after an absolute one.
 */
@ProviderType
public interface Sessions {

    /** The cookie that carries a session's secret. */
    String COOKIE = "roadshow-session";

    /** A session: its cookie {@code secret} (only on {@link #open}), its person and its CSRF token. */
    record Session(String secret, String personId, String csrfToken, Instant createdAt, Instant expiresAt) {
    }

    /** Starts a new session for {@code personId}: always a new secret, so a session id never survives log-in. */
    Session open(String personId);

    /** The live session with this cookie secret, touched as seen now; empty when unknown, ended or expired. */
    Optional<Session> find(String secret);

    /** Ends the session with this secret. */
    void close(String secret);

    /** Ends every session of {@code personId} but the one with {@code exceptSecret} (null: all). */
    void closeAll(String personId, String exceptSecret);
}
