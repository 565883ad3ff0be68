package roadshow.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Partner organisations and their parent/child tree. */
@ProviderType
public interface Organisations {

    /**
     * Creates one. The id is a lowercase slug ({@code [a-z0-9][a-z0-9-]*}), the parent must
     * exist, and a domain is claimed by at most one organisation.
     *
     * @throws IdentityException {@code CONFLICT} for a taken id or domain, {@code INVALID}, {@code NOT_FOUND} for the parent
     */
    Organisation create(String id, String name, String parent, List<String> domains);

    Optional<Organisation> find(String id);

    /** All organisations by id after {@code afterId} (null: from the start), at most {@code limit}. */
    List<Organisation> list(String afterId, int limit);

    /** {@code id} and every organisation below it. */
    Set<String> withDescendants(String id);

    /** Replaces the e-mail domains an organisation claims. */
    Organisation setDomains(String id, List<String> domains);

    /**
     * Brings every person with a verified address at one of the organisation's domains and
     * no organisation yet into it; returns how many joined.
     */
    int claimMembers(String id);

    /** The organisation claiming the domain of {@code email}, if any. */
    Optional<Organisation> claiming(String email);
}
