package roadshow.identity.internal;

/**
 * The password rules and hashing as currently configured, for the components of this bundle
 * that set passwords outside {@link PersonStore}: invitations and reset links. A service of
 * this bundle only; its package is not exported.
 */
public interface Passwords {

    /** The password if it meets the rules; otherwise refused with a message saying why. */
    String check(String password);

    /** A new Argon2id hash of it with the current parameters. */
    String hash(String password);

    /** Whether {@code password} is the one {@code hash} was made of. */
    boolean matches(String password, String hash);
}
