package roadshow.identity.api;

import java.util.Objects;

/**
 * A role a person holds: platform admin, admin of one partner organisation, or author
 * at one vendor. Everyone signed in is also a {@link Kind#LEARNER}, held without a scope.
 */
public record Role(Kind kind, String org, String vendor) {

    /** The kinds of role, with the names the REST API uses for them. */
    public enum Kind {
        LEARNER("learner"), ORG_ADMIN("org-admin"), VENDOR_AUTHOR("vendor-author"), ADMIN("admin");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name in JSON and forms, such as {@code org-admin}. */
        public String wireName() {
            return wireName;
        }

        /** The kind named {@code name} in JSON or a form; an unknown name is refused. */
        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown role '" + name + "'; roles are learner, org-admin, vendor-author and admin");
        }
    }

    public Role {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case ORG_ADMIN -> {
                if (org == null || org.isBlank() || vendor != null) {
                    throw new IllegalArgumentException("The org-admin role needs an org, and no vendor");
                }
            }
            case VENDOR_AUTHOR -> {
                if (vendor == null || vendor.isBlank() || org != null) {
                    throw new IllegalArgumentException("The vendor-author role needs a vendor, and no org");
                }
            }
            default -> {
                if (org != null || vendor != null) {
                    throw new IllegalArgumentException("The " + kind.wireName() + " role takes no org or vendor");
                }
            }
        }
    }

    public static Role admin() {
        return new Role(Kind.ADMIN, null, null);
    }

    public static Role learner() {
        return new Role(Kind.LEARNER, null, null);
    }

    public static Role orgAdmin(String org) {
        return new Role(Kind.ORG_ADMIN, org, null);
    }

    public static Role vendorAuthor(String vendor) {
        return new Role(Kind.VENDOR_AUTHOR, null, vendor);
    }
}
