package roadshow.identity.api;

import java.time.Instant;

/**
 * A bearer token for an integration, scoped to one partner organisation or one vendor.
 * Only a digest of its secret is kept; the secret is shown once, when issued.
 */
public record ApiToken(String id, String name, String org, String vendor, String issuedBy, Instant issuedAt,
        Instant lastUsedAt, Instant revokedAt) {

    /** Whether it still opens anything. */
    public boolean active() {
        return revokedAt == null;
    }
}
