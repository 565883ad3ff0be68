package roadshow.identity.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place that decides whether a subject may do something to something. Every page
 * and endpoint asks it rather than deciding for itself, so that the rules (a learner sees
 * only their own records, an org admin only their own organisation's people and those of
 * its child organisations, a vendor author only their own vendor's bundles) hold everywhere.
 */
@ProviderType
public interface Authorization {

    /**
     * May {@code subject} (null: nobody signed in) do {@code permission} to {@code target}?
     * A target that does not exist answers {@link Access#NOT_FOUND} as someone else's would.
     */
    Access access(Subject subject, Permission permission, Target target);

    /**
     * The organisations whose people {@code subject} may manage: those they are an admin
     * of and all of their descendants. Empty for a learner; for a platform admin, every
     * organisation.
     */
    Set<String> managedOrgs(Subject subject);

    /**
     * May {@code subject} give or take away {@code role}? A platform admin: any role. An org
     * admin: org-admin of an organisation they manage. Nobody else: none. (Everyone is a
     * learner; that role is neither given nor taken.)
     */
    boolean mayGrant(Subject subject, Role role);
}
