package roadshow.identity.internal;

import java.time.Instant;

import roadshow.identity.api.ApiToken;

/** An API token as the REST API shows it, never with its secret. */
record TokenJson(String id, String name, String org, String vendor, String issuedBy, Instant issuedAt, Instant lastUsedAt,
        Instant revokedAt) {

    static TokenJson of(ApiToken token) {
        return new TokenJson(token.id(), token.name(), token.org(), token.vendor(), token.issuedBy(), token.issuedAt(),
                token.lastUsedAt(), token.revokedAt());
    }
}
