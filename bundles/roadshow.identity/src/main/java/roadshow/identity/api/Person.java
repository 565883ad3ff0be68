package roadshow.identity.api;

import java.time.Instant;

/**
 * A person with an account: a reseller's learner, an organisation's admin, a vendor's
 * author or a platform admin. {@code org} is the partner organisation they belong to,
 * or null. {@code emailVerified} says whether they have proved the address is theirs;
 * {@code passwordChangeRequired} that they must choose a new password before anything else.
 */
public record Person(String id, String email, String name, String org, boolean emailVerified,
        boolean passwordChangeRequired, Instant createdAt) {
}
