package roadshow.identity.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Invitations from an organisation's admin to a colleague, by e-mail: a single-use,
 * expiring link that creates the colleague's account in the organisation, or brings an
 * existing account in.
 */
@ProviderType
public interface Invitations {

    /** An invitation; {@code secret} is the link's secret, known only when just created. */
    record Invitation(String id, String org, String email, String invitedBy, Instant expiresAt, String secret) {
    }

    /**
     * Invites {@code email} into {@code org} and mails them the link; a repeated invitation
     * replaces the earlier one. {@code invitedBy} is the inviting person's id.
     */
    Invitation invite(String org, String email, String invitedBy);

    /** The open, unexpired invitation with this link secret. */
    Optional<Invitation> find(String secret);

    /**
     * Accepts an invitation: the person with the invited address joins the organisation. A
     * new address gets an account with {@code name} and {@code password}; an account whose
     * address was never confirmed gets them too, replacing what whoever registered it chose;
     * a confirmed account must give its {@code password}. The invitation is used up.
     *
     * @throws IdentityException {@code NOT_FOUND} for a used, expired or unknown link, {@code INVALID} for
     *         a weak password, {@code WRONG_PASSWORD} for a confirmed account's wrong password
     */
    Person accept(String secret, String name, String password);
}
