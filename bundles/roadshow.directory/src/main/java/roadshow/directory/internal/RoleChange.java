package roadshow.directory.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import roadshow.identity.api.Role;

/**
 * A change to one person's roles from the roles form. The roles the editor may change are
 * set as the form asks; every other role the person holds is kept as it is, whatever the
 * form says, so that an org admin saving the form never takes away a role granted by
 * someone with more power.
 *
 * @param roles   the person's complete new set of roles, without the implicit learner role
 * @param granted the roles the person gains
 * @param revoked the roles the person loses
 * @param refused roles the form asks for that the editor may not grant: a form this page
 *                never shows, so the whole change is refused
 */
record RoleChange(Set<Role> roles, Set<Role> granted, Set<Role> revoked, Set<Role> refused) {

    /** The order roles are listed in: admin last, as {@link Role.Kind} declares them, then by scope. */
    static final Comparator<Role> ORDER = Comparator.comparing(Role::kind)
            .thenComparing(r -> r.org() == null ? "" : r.org())
            .thenComparing(r -> r.vendor() == null ? "" : r.vendor());

    RoleChange {
        roles = Set.copyOf(roles);
        granted = Set.copyOf(granted);
        revoked = Set.copyOf(revoked);
        refused = Set.copyOf(refused);
    }

    /**
     * The change {@code editor} makes to the roles of {@code personId}, who holds {@code held},
     * by asking for {@code asked}: the roles the editor may change that the form left ticked.
     */
    static RoleChange of(Powers editor, String personId, Collection<Role> held, Collection<Role> asked) {
        Set<Role> current = new LinkedHashSet<>(held);
        current.remove(Role.learner());
        Set<Role> roles = new LinkedHashSet<>();
        Set<Role> refused = new LinkedHashSet<>();
        for (Role role : current) {
            if (!editor.mayChange(role, personId)) {
                roles.add(role);
            }
        }
        for (Role role : asked) {
            if (role.kind() == Role.Kind.LEARNER) {
                continue;
            }
            if (editor.mayChange(role, personId)) {
                roles.add(role);
            } else if (!current.contains(role)) {
                refused.add(role);
            }
        }
        Set<Role> granted = new LinkedHashSet<>(roles);
        granted.removeAll(current);
        Set<Role> revoked = new LinkedHashSet<>(current);
        revoked.removeAll(roles);
        return new RoleChange(roles, granted, revoked, refused);
    }

    /** Whether the person's roles change at all. */
    boolean changes() {
        return !granted.isEmpty() || !revoked.isEmpty();
    }

    /**
     * The roles a submitted form asks for: the ticked {@code role} boxes and the roles picked
     * to add (blank: none).
     *
     * @throws IllegalArgumentException for a value the form never offers
     */
    static Set<Role> asked(String[] ticked, String addOrgAdmin, String addVendorAuthor) {
        Set<Role> asked = new LinkedHashSet<>();
        for (String value : ticked == null ? new String[0] : ticked) {
            asked.add(role(value));
        }
        if (addOrgAdmin != null && !addOrgAdmin.isBlank()) {
            asked.add(Role.orgAdmin(addOrgAdmin.strip()));
        }
        if (addVendorAuthor != null && !addVendorAuthor.isBlank()) {
            asked.add(Role.vendorAuthor(addVendorAuthor.strip()));
        }
        return asked;
    }

    /** A role as a form value: {@code admin}, {@code org-admin:<org>}, {@code vendor-author:<vendor>}. */
    static String value(Role role) {
        return switch (role.kind()) {
            case ORG_ADMIN -> role.kind().wireName() + ":" + role.org();
            case VENDOR_AUTHOR -> role.kind().wireName() + ":" + role.vendor();
            default -> role.kind().wireName();
        };
    }

    /**
     * The role a form value stands for; the reverse of {@link #value(Role)}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Role role(String value) {
        if (value == null) {
            throw new IllegalArgumentException("No role");
        }
        int colon = value.indexOf(':');
        Role.Kind kind = Role.Kind.of(colon < 0 ? value : value.substring(0, colon));
        String scope = colon < 0 ? null : value.substring(colon + 1);
        return switch (kind) {
            case ORG_ADMIN -> new Role(kind, scope, null);
            case VENDOR_AUTHOR -> new Role(kind, null, scope);
            default -> new Role(kind, scope, null);
        };
    }

    /** {@code roles} in {@link #ORDER}. */
    static List<Role> sorted(Collection<Role> roles) {
        return roles.stream().sorted(ORDER).toList();
    }
}
