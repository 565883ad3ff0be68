package roadshow.identity.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.identity.api.Sessions;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link People} in the identity tables, with Argon2id hashes and log-in throttling. */
@Designate(ocd = IdentityConfiguration.class)
@Component(service = {People.class, Passwords.class}, configurationPid = IdentityConfiguration.PID)
public class PersonStore implements People, Passwords {

    private final Sql sql;
    private final Sessions sessions;
    /**
     * One Argon2id hash per core at a time: each takes its configured memory (19 MiB by
     * default), and a crowd of log-ins must queue rather than exhaust the heap.
     */
    private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private volatile Settings settings;

    /** The configuration and what is made from it, swapped as one. */
    private record Settings(IdentityConfiguration config, PasswordHasher hasher, String decoyHash, LoginThrottle throttle) {
    }

    @Activate
    public PersonStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema, @Reference Sessions sessions,
            IdentityConfiguration config) {
        this.sql = new Sql(schema.dataSource());
        this.sessions = sessions;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        PasswordHasher hasher = new PasswordHasher(config.password_memory_kib(), config.password_iterations(),
                config.password_parallelism());
        // Checked against when the address is unknown, so that a log-in takes as long either way.
        String decoy = hasher.hash(Secrets.random());
        settings = new Settings(config, hasher, decoy, new LoginThrottle(config));
    }

    private PasswordHasher hasher() {
        return settings.hasher();
    }

    @Override
    public String check(String password) {
        return Validation.password(password, settings.config().password_min_length());
    }

    @Override
    public String hash(String password) {
        hashing.acquireUninterruptibly();
        try {
            return hasher().hash(password);
        } finally {
            hashing.release();
        }
    }

    @Override
    public boolean matches(String password, String hash) {
        return password != null && password.length() <= Validation.MAX_PASSWORD && verify(password, hash);
    }

    private boolean verify(String password, String hash) {
        hashing.acquireUninterruptibly();
        try {
            return hasher().verify(password, hash);
        } finally {
            hashing.release();
        }
    }

    @Override
    public Person register(Registration registration) {
        String email = Validation.email(registration.email());
        String name = Validation.name(registration.name(), "name");
        check(registration.password());
        String hash = hash(registration.password());
        return sql.transaction(c -> insert(c, email, name, registration.org(), hash, registration.emailVerified(), false));
    }

    /**
     * Inserts a person in the caller's transaction. Without an org, a verified address joins
     * the organisation that claims its domain.
     */
    static Person insert(Connection c, String email, String name, String org, String passwordHash, boolean verified,
            boolean passwordChangeRequired) throws SQLException {
        String key = Validation.emailKey(email);
        if (Sql.one(c, "select id from identity_person where email_key = ?", r -> r.getString(1), key).isPresent()) {
            throw new IdentityException(Reason.CONFLICT, "email", "There is an account with this e-mail address already.");
        }
        String joined = org;
        if (org != null && Sql.one(c, "select id from identity_org where id = ?", r -> r.getString(1), org).isEmpty()) {
            throw new IdentityException(Reason.NOT_FOUND, "org", "There is no organisation '" + org + "'.");
        }
        if (org == null && verified) {
            joined = claimingOrg(c, key).orElse(null);
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try {
            Sql.update(c, "insert into identity_person (id, email, email_key, name, org, password_hash, email_verified,"
                    + " password_change_required, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, email, key, name, joined, passwordHash, verified, passwordChangeRequired, now);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IdentityException(Reason.CONFLICT, "email", "There is an account with this e-mail address already.");
            }
            throw e;
        }
        return new Person(id, email, name, joined, verified, passwordChangeRequired, now);
    }

    private static Optional<String> claimingOrg(Connection c, String emailKey) throws SQLException {
        return Sql.one(c, "select org from identity_org_domain where domain = ?", r -> r.getString(1),
                emailKey.substring(emailKey.lastIndexOf('@') + 1));
    }

    static Person person(ResultSet row) throws SQLException {
        return new Person(row.getString("id"), row.getString("email"), row.getString("name"), row.getString("org"),
                row.getBoolean("email_verified"), row.getBoolean("password_change_required"), Sql.instant(row, "created_at"));
    }

    @Override
    public Optional<Person> find(String id) {
        return sql.one("select * from identity_person where id = ?", PersonStore::person, id);
    }

    @Override
    public Optional<Person> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return sql.one("select * from identity_person where email_key = ?", PersonStore::person, Validation.emailKey(email));
    }

    @Override
    public List<Person> list(Collection<String> orgs, String afterId, int limit) {
        String after = afterId == null ? "" : afterId;
        if (orgs == null) {
            return sql.list("select * from identity_person where id > ? order by id fetch first " + limit + " rows only",
                    PersonStore::person, after);
        }
        if (orgs.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(orgs);
        parameters.add(after);
        String in = String.join(", ", orgs.stream().map(o -> "?").toList());
        return sql.list("select * from identity_person where org in (" + in + ") and id > ? order by id fetch first " + limit
                + " rows only", PersonStore::person, parameters.toArray());
    }

    @Override
    public List<Person> authorsAt(String vendor) {
        return sql.list("select p.* from identity_person p join identity_role r on r.person = p.id"
                + " where r.kind = ? and r.scope = ? order by p.name", PersonStore::person, Role.Kind.VENDOR_AUTHOR.name(), vendor);
    }

    @Override
    public List<Person> adminsOf(String org) {
        return sql.list("select p.* from identity_person p join identity_role r on r.person = p.id"
                + " where r.kind = ? and r.scope = ? order by p.name", PersonStore::person, Role.Kind.ORG_ADMIN.name(), org);
    }

    @Override
    public Optional<Account> account(String personId) {
        record Row(Person person, String kind, String scope) {
        }
        List<Row> rows = sql.list("select p.*, r.kind as role_kind, r.scope as role_scope from identity_person p"
                + " left join identity_role r on r.person = p.id where p.id = ? order by r.kind, r.scope",
                r -> new Row(person(r), r.getString("role_kind"), r.getString("role_scope")), personId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Person person = rows.get(0).person();
        List<Role> roles = new ArrayList<>();
        roles.add(Role.learner());
        rows.stream().filter(row -> row.kind() != null).map(row -> role(Role.Kind.valueOf(row.kind()), row.scope())).forEach(roles::add);
        return Optional.of(new Account(person, roles));
    }

    private static Role role(Role.Kind kind, String scope) {
        return switch (kind) {
            case ORG_ADMIN -> Role.orgAdmin(scope);
            case VENDOR_AUTHOR -> Role.vendorAuthor(scope);
            default -> new Role(kind, null, null);
        };
    }

    @Override
    public List<Role> roles(String personId) {
        return sql.transaction(c -> roles(c, personId));
    }

    static List<Role> roles(Connection c, String personId) throws SQLException {
        List<Role> roles = new ArrayList<>();
        roles.add(Role.learner());
        roles.addAll(Sql.list(c, "select kind, scope from identity_role where person = ? order by kind, scope",
                r -> role(Role.Kind.valueOf(r.getString("kind")), r.getString("scope")), personId));
        return roles;
    }

    @Override
    public void setRoles(String personId, Collection<Role> roles) {
        sql.transaction(c -> {
            if (Sql.one(c, "select id from identity_person where id = ? for update", r -> r.getString(1), personId).isEmpty()) {
                throw new IdentityException(Reason.NOT_FOUND, "user", "There is no such person.");
            }
            Sql.update(c, "delete from identity_role where person = ?", personId);
            for (Role role : roles.stream().distinct().toList()) {
                String scope = switch (role.kind()) {
                    case LEARNER -> null;
                    case ADMIN -> "";
                    case ORG_ADMIN -> exists(c, "identity_org", role.org(), "org");
                    case VENDOR_AUTHOR -> exists(c, "identity_vendor", role.vendor(), "vendor");
                };
                if (scope != null) {
                    Sql.update(c, "insert into identity_role (person, kind, scope) values (?, ?, ?)", personId, role.kind().name(), scope);
                }
            }
            return null;
        });
    }

    private static String exists(Connection c, String table, String id, String field) throws SQLException {
        if (Sql.one(c, "select id from " + table + " where id = ?", r -> r.getString(1), id).isEmpty()) {
            throw new IdentityException(Reason.NOT_FOUND, field, "There is no " + field + " '" + id + "'.");
        }
        return id;
    }

    @Override
    public LogIn logIn(String email, String password, String address) {
        Settings current = settings;
        String key = email == null ? "" : Validation.emailKey(email);
        Instant now = Instant.now();
        LoginThrottle.Reservation reservation = reserve(current.throttle(), key, address, now);
        if (reservation.blockedFor().isPresent()) {
            return new LogIn(LogIn.Outcome.THROTTLED, null, reservation.blockedFor().get());
        }
        Optional<Credentials> credentials = sql.one("select * from identity_person where email_key = ?",
                r -> new Credentials(person(r), r.getString("password_hash")), key);
        String candidate = password == null || password.length() > Validation.MAX_PASSWORD ? "" : password;
        boolean matches = verify(candidate, credentials.map(Credentials::hash).orElse(current.decoyHash())) && credentials.isPresent();
        if (!matches) {
            return reservation.lastTry() ? new LogIn(LogIn.Outcome.THROTTLED, null, current.throttle().block())
                    : new LogIn(LogIn.Outcome.REFUSED, null, null);
        }
        Person person = credentials.get().person();
        String upgraded = current.hasher().outdated(credentials.get().hash()) ? hash(candidate) : null;
        sql.transaction(c -> {
            current.throttle().succeed(c, key, address);
            if (upgraded != null) {
                Sql.update(c, "update identity_person set password_hash = ? where id = ? and password_hash = ?",
                        upgraded, person.id(), credentials.get().hash());
            }
            return null;
        });
        return new LogIn(person.emailVerified() ? LogIn.Outcome.SIGNED_IN : LogIn.Outcome.UNVERIFIED, person, null);
    }

    private LoginThrottle.Reservation reserve(LoginThrottle throttle, String key, String address, Instant now) {
        try {
            return sql.transaction(c -> throttle.reserve(c, key, address, now));
        } catch (Sql.Failure e) {
            if (!e.duplicate()) {
                throw e;
            }
            // Another node counted this key's first attempt at the same moment: count again, now as an update.
            return sql.transaction(c -> throttle.reserve(c, key, address, now));
        }
    }

    private record Credentials(Person person, String hash) {
    }

    @Override
    public void changePassword(String personId, String currentPassword, String newPassword) {
        check(newPassword);
        String hash = sql.one("select password_hash from identity_person where id = ?", r -> r.getString(1), personId)
                .orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, "user", "There is no such person."));
        if (!matches(currentPassword, hash)) {
            throw new IdentityException(Reason.WRONG_PASSWORD, "currentPassword", "Your current password is not right.");
        }
        setPassword(personId, newPassword);
        sessions.closeAll(personId, null);
    }

    @Override
    public void setPassword(String personId, String newPassword) {
        check(newPassword);
        String hash = hash(newPassword);
        if (sql.update("update identity_person set password_hash = ?, password_change_required = false where id = ?", hash, personId) == 0) {
            throw new IdentityException(Reason.NOT_FOUND, "user", "There is no such person.");
        }
    }

    @Override
    public Person verifyEmail(String personId) {
        return sql.transaction(c -> {
            Person person = Sql.one(c, "select * from identity_person where id = ? for update", PersonStore::person, personId)
                    .orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, "user", "There is no such person."));
            String org = person.org() != null ? person.org() : claimingOrg(c, Validation.emailKey(person.email())).orElse(null);
            Sql.update(c, "update identity_person set email_verified = true, org = ? where id = ?", org, personId);
            return new Person(person.id(), person.email(), person.name(), org, true, person.passwordChangeRequired(), person.createdAt());
        });
    }

    @Override
    public void setOrg(String personId, String org) {
        sql.transaction(c -> {
            if (org != null) {
                exists(c, "identity_org", org, "org");
            }
            if (Sql.update(c, "update identity_person set org = ? where id = ?", org, personId) == 0) {
                throw new IdentityException(Reason.NOT_FOUND, "user", "There is no such person.");
            }
            return null;
        });
    }

    @Override
    public void rename(String personId, String name) {
        String valid = Validation.name(name, "name");
        if (sql.update("update identity_person set name = ? where id = ?", valid, personId) == 0) {
            throw new IdentityException(Reason.NOT_FOUND, "user", "There is no such person.");
        }
    }
}
