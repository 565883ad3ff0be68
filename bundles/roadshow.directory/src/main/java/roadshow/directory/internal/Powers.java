package roadshow.directory.internal;

import java.util.Objects;
import java.util.Set;

import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;

/**
 * What one editor may change about people's roles and membership. A platform admin may
 * grant and remove every role but their own admin role, and move anyone anywhere; an org
 * admin only the org-admin roles of the organisations they manage (their own and those
 * below), and only move people into those.
 *
 * @param personId    the editor's own person id; null for an integration's token
 * @param admin       whether the editor is a platform admin
 * @param managedOrgs the organisations the editor manages, as {@link Authorization#managedOrgs} answers
 */
record Powers(String personId, boolean admin, Set<String> managedOrgs) {

    Powers {
        managedOrgs = Set.copyOf(managedOrgs);
    }

    /** The powers of {@code subject}, as the one place that decides them says. */
    static Powers of(Subject subject, Authorization authorization) {
        return new Powers(subject.personId(),
                authorization.access(subject, Permission.MANAGE, Target.platform()).allowed(),
                authorization.managedOrgs(subject));
    }

    /** Whether this editor may grant {@code role} to, or remove it from, the person {@code personId}. */
    boolean mayChange(Role role, String personId) {
        return switch (role.kind()) {
            // everyone signed in is a learner: there is nothing to grant or remove
            case LEARNER -> false;
            // Nobody removes their own admin role, so that a slip of the mouse never leaves
            // the platform without an admin: another admin must do it.
            case ADMIN -> admin && !Objects.equals(personId, this.personId);
            case VENDOR_AUTHOR -> admin;
            case ORG_ADMIN -> admin || managedOrgs.contains(role.org());
        };
    }

    /** Whether this editor may move someone they manage into {@code org} (null: out of every organisation). */
    boolean mayMoveTo(String org) {
        return admin || org != null && managedOrgs.contains(org);
    }
}
