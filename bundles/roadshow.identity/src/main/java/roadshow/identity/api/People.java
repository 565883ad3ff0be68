package roadshow.identity.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * People's accounts: registration, log-in with throttling, passwords (hashed with
 * Argon2id and re-hashed on log-in when the parameters change), e-mail verification,
 * organisation membership and roles.
 */
@ProviderType
public interface People {

    /** What a new account is made of. {@code org} may be null; {@code emailVerified} when a trusted admin or a link vouches for the address. */
    record Registration(String email, String name, String password, String org, boolean emailVerified) {
    }

    /** The outcome of a log-in. {@code person} is set on {@link Outcome#SIGNED_IN}, {@code retryAfter} on {@link Outcome#THROTTLED}. */
    record LogIn(Outcome outcome, Person person, Duration retryAfter) {

        /** How a log-in ended. */
        public enum Outcome {
            SIGNED_IN,
            /** Unknown address or wrong password: the two are never told apart. */
            REFUSED,
            /** Too many failures for this account or from this address lately. */
            THROTTLED,
            /** The right password, for an address not yet verified. */
            UNVERIFIED
        }
    }

    /**
     * Creates an account; the e-mail is unique regardless of case. With an {@code org}
     * that must exist; without one, a verified address at a domain an organisation
     * claims joins that organisation.
     *
     * @throws IdentityException {@code CONFLICT} when the e-mail is taken, {@code INVALID}
     *         for a malformed e-mail, empty name or weak password, {@code NOT_FOUND} for an unknown org
     */
    Person register(Registration registration);

    Optional<Person> find(String id);

    Optional<Person> findByEmail(String email);

    /**
     * People in any of {@code orgs} (null: everyone), by id after {@code afterId} (null:
     * from the start), at most {@code limit}.
     */
    List<Person> list(Collection<String> orgs, String afterId, int limit);

    /** Everyone with a role at {@code vendor}. */
    List<Person> authorsAt(String vendor);

    /** The admins of organisation {@code org} (not those of its parents), by name. */
    List<Person> adminsOf(String org);

    /** A person and the roles they hold, as looked up for each of their requests. */
    record Account(Person person, List<Role> roles) {

        public Account {
            roles = List.copyOf(roles);
        }

        /** The person as the subject of a request made in their session. */
        public Subject subject() {
            return new Subject(person.id(), person.name(), person.email(), person.org(), roles, null);
        }
    }

    /** The person and their roles, in one look-up. */
    Optional<Account> account(String personId);

    /** The roles {@code personId} holds, {@link Role#learner()} first. */
    List<Role> roles(String personId);

    /**
     * Replaces the roles a person holds (the learner role is implicit and needs no entry).
     *
     * @throws IdentityException {@code NOT_FOUND} for an unknown person, org or vendor
     */
    void setRoles(String personId, Collection<Role> roles);

    /** Checks an e-mail and password from {@code address}, counting failures for throttling. */
    LogIn logIn(String email, String password, String address);

    /**
     * Changes a password after checking the current one; every other session of the person ends.
     *
     * @throws IdentityException {@code WRONG_PASSWORD} or {@code INVALID} for a weak new password
     */
    void changePassword(String personId, String currentPassword, String newPassword);

    /** Sets a new password without the old one, as a reset link or an admin does. */
    void setPassword(String personId, String newPassword);

    /** Marks the address verified, and joins the organisation that claims its domain, if any and none yet. */
    Person verifyEmail(String personId);

    /** Moves a person into {@code org} (null: out of any). */
    void setOrg(String personId, String org);

    /** Changes the name a person is shown by. */
    void rename(String personId, String name);
}
