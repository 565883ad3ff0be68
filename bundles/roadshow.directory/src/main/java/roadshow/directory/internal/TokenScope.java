package roadshow.directory.internal;

import java.util.Optional;

/**
 * What an API token opens, as the issue form's select names it: {@code org:<id>} for one
 * organisation, {@code vendor:<id>} for one vendor. Exactly one of the two is set.
 */
record TokenScope(String org, String vendor) {

    private static final String ORG = "org:";
    private static final String VENDOR = "vendor:";

    static TokenScope org(String id) {
        return new TokenScope(id, null);
    }

    static TokenScope vendor(String id) {
        return new TokenScope(null, id);
    }

    /** The scope a form value names; empty for a blank or malformed one. */
    static Optional<TokenScope> parse(String value) {
        if (value != null && value.startsWith(ORG) && value.length() > ORG.length()) {
            return Optional.of(org(value.substring(ORG.length())));
        }
        if (value != null && value.startsWith(VENDOR) && value.length() > VENDOR.length()) {
            return Optional.of(vendor(value.substring(VENDOR.length())));
        }
        return Optional.empty();
    }

    /** The form value: the reverse of {@link #parse(String)}. */
    String value() {
        return org != null ? ORG + org : VENDOR + vendor;
    }
}
