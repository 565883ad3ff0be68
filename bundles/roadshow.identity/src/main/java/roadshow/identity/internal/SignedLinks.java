package roadshow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.PasswordResets;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.identity.api.Sessions;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * {@link PasswordResets}: links signed with HMAC-SHA256 under a key kept in the database
 * (made by the first node that needs it), so that any node checks a link another made.
 * A link signs its purpose, person and expiry together with the state it may change (the
 * password hash, or the address and whether it is verified); once that state changes, the
 * signature no longer matches, which makes every link single-use without a table of used links.
 */
@Component(service = PasswordResets.class, configurationPid = IdentityConfiguration.PID)
public class SignedLinks implements PasswordResets {

    private static final String RESET = "reset";
    private static final String VERIFY = "verify";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final Sql sql;
    private final People people;
    private final Passwords passwords;
    private final Sessions sessions;
    private volatile Duration lifetime;
    private volatile byte[] key;

    @Activate
    public SignedLinks(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema, @Reference People people,
            @Reference Passwords passwords, @Reference Sessions sessions, IdentityConfiguration config) {
        this.sql = new Sql(schema.dataSource());
        this.people = people;
        this.passwords = passwords;
        this.sessions = sessions;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        lifetime = Duration.ofMinutes(config.link_minutes());
    }

    @Override
    public Optional<String> issue(String email) {
        return sql.one("select id, password_hash from identity_person where email_key = ?",
                r -> sign(RESET, r.getString("id"), Instant.now().plus(lifetime), r.getString("password_hash")),
                Validation.emailKey(email == null ? "" : email));
    }

    @Override
    public Optional<Person> check(String secret) {
        return Link.parse(secret).filter(l -> l.purpose().equals(RESET) && l.expires().isAfter(Instant.now()))
                .flatMap(l -> sql.one("select * from identity_person where id = ?",
                        r -> valid(l, r.getString("password_hash")) ? PersonStore.person(r) : null, l.personId()));
    }

    @Override
    public Person reset(String secret, String newPassword) {
        Link link = Link.parse(secret).filter(l -> l.purpose().equals(RESET) && l.expires().isAfter(Instant.now()))
                .orElseThrow(SignedLinks::gone);
        passwords.check(newPassword);
        String hash = passwords.hash(newPassword);
        Person person = sql.transaction(c -> {
            // Locked while checked and changed, so that two uses of one link cannot both pass.
            Person current = Sql.one(c, "select * from identity_person where id = ? for update",
                    r -> valid(link, r.getString("password_hash")) ? PersonStore.person(r) : null, link.personId())
                    .orElseThrow(SignedLinks::gone);
            // A reset link reached the person's mailbox: the address is theirs.
            Sql.update(c, "update identity_person set password_hash = ?, password_change_required = false, email_verified = true"
                    + " where id = ?", hash, current.id());
            return current;
        });
        sessions.closeAll(person.id(), null);
        // verified now: it joins the organisation claiming its domain, as a confirmed sign-up does
        return people.verifyEmail(person.id());
    }

    @Override
    public String verificationSecret(String personId) {
        return sql.one("select id, email_key, email_verified from identity_person where id = ?",
                r -> sign(VERIFY, personId, Instant.now().plus(lifetime), verificationState(r.getString("email_key"), r.getBoolean("email_verified"))),
                personId).orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, "user", "There is no such person."));
    }

    @Override
    public Optional<Person> verify(String secret, String password) {
        Optional<Link> link = Link.parse(secret).filter(l -> l.purpose().equals(VERIFY) && l.expires().isAfter(Instant.now()));
        record Found(Person person, String hash) {
        }
        Optional<Found> found = link.flatMap(l -> sql.one("select * from identity_person where id = ?",
                r -> valid(l, verificationState(r.getString("email_key"), r.getBoolean("email_verified")))
                        ? new Found(PersonStore.person(r), r.getString("password_hash")) : null,
                l.personId()));
        if (found.isPresent() && !passwords.matches(password, found.get().hash())) {
            throw new IdentityException(Reason.WRONG_PASSWORD, "password",
                    "That is not the password of this account. If you did not create it, choose a new password instead.");
        }
        return found.map(f -> people.verifyEmail(f.person().id()));
    }

    private static String verificationState(String emailKey, boolean verified) {
        return emailKey + "|" + verified;
    }

    private String sign(String purpose, String personId, Instant expires, String state) {
        String payload = purpose + "|" + personId + "|" + expires.getEpochSecond();
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload + "|" + state));
    }

    private boolean valid(Link link, String state) {
        return MessageDigest.isEqual(link.signature(), mac(link.payload() + "|" + state));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String secret = sql.one("select secret from identity_key where name = 'links'", r -> r.getString(1)).orElseGet(() -> {
                try {
                    sql.update("insert into identity_key (name, secret) values ('links', ?)", Secrets.random());
                } catch (Sql.Failure e) {
                    if (!e.duplicate()) {
                        throw e;
                    }
                    // Another node made the key first: use theirs.
                }
                return sql.one("select secret from identity_key where name = 'links'", r -> r.getString(1)).orElseThrow();
            });
            known = secret.getBytes(StandardCharsets.UTF_8);
            key = known;
        }
        return known;
    }

    private static IdentityException gone() {
        return new IdentityException(Reason.NOT_FOUND, "token", "This link has been used already or has expired. Ask for a new one.");
    }

    /** A link's parts: the signed payload and its signature. */
    private record Link(String payload, String purpose, String personId, Instant expires, byte[] signature) {
        static Optional<Link> parse(String secret) {
            if (secret == null || secret.length() > 512) {
                return Optional.empty();
            }
            int dot = secret.indexOf('.');
            try {
                String payload = new String(B64_DECODER.decode(secret.substring(0, Math.max(dot, 0))), StandardCharsets.UTF_8);
                String[] parts = payload.split("\\|");
                if (dot < 0 || parts.length != 3) {
                    return Optional.empty();
                }
                return Optional.of(new Link(payload, parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])),
                        B64_DECODER.decode(secret.substring(dot + 1))));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
