package roadshow.identity.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Password-reset links: signed, expiring and single-use. A link carries the person and
 * its expiry, signed with a key the platform keeps together with a digest of the current
 * password hash, so that it stops working the moment the password changes.
 */
@ProviderType
public interface PasswordResets {

    /** A new link secret for the account with {@code email}; empty when there is none. */
    Optional<String> issue(String email);

    /** The person a valid, unused, unexpired link secret is for. */
    Optional<Person> check(String secret);

    /**
     * Sets the new password through a link and ends the person's sessions.
     *
     * @throws IdentityException {@code NOT_FOUND} when the link is invalid, used or expired; {@code INVALID} for a weak password
     */
    Person reset(String secret, String newPassword);

    /** A secret proving control of {@code personId}'s address, for an e-mail verification link. */
    String verificationSecret(String personId);

    /**
     * Verifies the address of the person the verification secret is for, who proves with
     * their password that they made the account: so that someone who registered another's
     * address cannot have its owner confirm an account whose password they know.
     *
     * @return empty for a used, expired or unknown link
     * @throws IdentityException {@code WRONG_PASSWORD} when the password is not the account's
     */
    Optional<Person> verify(String secret, String password);
}
