package roadshow.identity.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Bearer tokens for integrations, each scoped to one organisation or one vendor. */
@ProviderType
public interface ApiTokens {

    /** A token just issued: the only time its {@code secret} is known. */
    record Issued(ApiToken token, String secret) {
    }

    /**
     * Issues a token scoped to exactly one of {@code org} and {@code vendor}.
     *
     * @throws IdentityException {@code INVALID} without exactly one scope, {@code NOT_FOUND} for an unknown scope
     */
    Issued issue(String name, String org, String vendor, String issuedBy);

    Optional<ApiToken> find(String id);

    /** Every token, newest first. */
    List<ApiToken> list();

    /** Revokes it; a revoked token opens nothing from now on. */
    void revoke(String id);

    /** The subject of a live token with this secret, its use recorded; empty for anything else. */
    Optional<Subject> authenticate(String secret);
}
