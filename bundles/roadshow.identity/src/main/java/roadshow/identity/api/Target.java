package roadshow.identity.api;

import java.util.Objects;

/** What an {@link Authorization} question is about: the platform as a whole, or one object. */
public record Target(Kind kind, String id) {

    /** The kinds of thing access is decided for. */
    public enum Kind { PLATFORM, ORG, PERSON, VENDOR }

    public Target {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.PLATFORM) {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Platform-wide administration: organisations, vendors, tokens, the audit log. */
    public static Target platform() {
        return new Target(Kind.PLATFORM, null);
    }

    public static Target org(String id) {
        return new Target(Kind.ORG, id);
    }

    public static Target person(String id) {
        return new Target(Kind.PERSON, id);
    }

    public static Target vendor(String id) {
        return new Target(Kind.VENDOR, id);
    }
}
