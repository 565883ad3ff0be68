package roadshow.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.Invitations;
import roadshow.identity.api.Person;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link Invitations} in the identity tables; only a digest of each link's secret is kept. */
@Component(service = Invitations.class, configurationPid = IdentityConfiguration.PID)
public class InvitationStore implements Invitations {

    private final Sql sql;
    private final Passwords passwords;
    private final AccountMail mail;
    private volatile Duration lifetime;

    @Activate
    public InvitationStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema,
            @Reference Passwords passwords, @Reference AccountMail mail, IdentityConfiguration config) {
        this.sql = new Sql(schema.dataSource());
        this.passwords = passwords;
        this.mail = mail;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        lifetime = Duration.ofDays(config.invitation_days());
    }

    @Override
    public Invitation invite(String org, String email, String invitedBy) {
        String address = Validation.email(email);
        record Names(String org, String inviter) {
        }
        String key = Validation.emailKey(address);
        String id = Secrets.random(12);
        String secret = Secrets.random();
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        Names names = sql.transaction(c -> {
            String orgName = Sql.one(c, "select name from identity_org where id = ?", r -> r.getString(1), org)
                    .orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, "org", "There is no organisation '" + org + "'."));
            String inviter = Sql.one(c, "select name from identity_person where id = ?", r -> r.getString(1), invitedBy)
                    .orElse("The admin of " + orgName);
            Sql.update(c, "delete from identity_invitation where org = ? and email_key = ? and accepted_at is null", org, key);
            Sql.update(c, "insert into identity_invitation (id, org, email, email_key, digest, invited_by, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, org, address, key, Secrets.digest(secret), invitedBy, now, expires);
            return new Names(orgName, inviter);
        });
        Invitation invitation = new Invitation(id, org, address, invitedBy, expires, secret);
        mail.invitation(invitation, names.org(), names.inviter());
        return invitation;
    }

    @Override
    public Optional<Invitation> find(String secret) {
        if (secret == null || secret.length() > 128) {
            return Optional.empty();
        }
        return sql.one("select * from identity_invitation where digest = ? and accepted_at is null and expires_at > ?",
                r -> new Invitation(r.getString("id"), r.getString("org"), r.getString("email"), r.getString("invited_by"),
                        Sql.instant(r, "expires_at"), null),
                Secrets.digest(secret), Instant.now());
    }

    @Override
    public Person accept(String secret, String name, String password) {
        if (secret == null || secret.length() > 128) {
            throw gone();
        }
        String digest = Secrets.digest(secret);
        return sql.transaction(c -> {
            Instant now = Instant.now();
            Invitation invitation = Sql.one(c, "select * from identity_invitation where digest = ? and accepted_at is null"
                    + " and expires_at > ? for update", r -> new Invitation(r.getString("id"), r.getString("org"),
                            r.getString("email"), r.getString("invited_by"), Sql.instant(r, "expires_at"), null), digest, now)
                    .orElseThrow(InvitationStore::gone);
            record Existing(Person person, String hash) {
            }
            Optional<Existing> existing = Sql.one(c, "select * from identity_person where email_key = ? for update",
                    r -> new Existing(PersonStore.person(r), r.getString("password_hash")), Validation.emailKey(invitation.email()));
            Person person;
            if (existing.isPresent() && existing.get().person().emailVerified()) {
                // The link shows the mailbox is theirs, the password that the account is: both, or a
                // link that reached the wrong inbox would hand over an account.
                if (!passwords.matches(password, existing.get().hash())) {
                    throw new IdentityException(Reason.WRONG_PASSWORD, "password", "That is not the password of your account.");
                }
                Person before = existing.get().person();
                Sql.update(c, "update identity_person set org = ? where id = ?", invitation.org(), before.id());
                person = new Person(before.id(), before.email(), before.name(), invitation.org(), true,
                        before.passwordChangeRequired(), before.createdAt());
            } else if (existing.isPresent()) {
                // Registered but never confirmed: whoever chose that password may not own the address,
                // so the owner, proven by the link, chooses name and password afresh.
                String validName = Validation.name(name, "name");
                passwords.check(password);
                Person before = existing.get().person();
                Sql.update(c, "update identity_person set org = ?, name = ?, password_hash = ?, email_verified = true,"
                        + " password_change_required = false where id = ?", invitation.org(), validName, passwords.hash(password), before.id());
                Sql.update(c, "delete from identity_session where person = ?", before.id());
                person = new Person(before.id(), before.email(), validName, invitation.org(), true, false, before.createdAt());
            } else {
                String validName = Validation.name(name, "name");
                passwords.check(password);
                person = PersonStore.insert(c, invitation.email(), validName, invitation.org(), passwords.hash(password), true, false);
            }
            Sql.update(c, "update identity_invitation set accepted_at = ? where id = ?", now, invitation.id());
            return person;
        });
    }

    private static IdentityException gone() {
        return new IdentityException(Reason.NOT_FOUND, "invitation",
                "This invitation link has been used already, has expired or was replaced by a newer one.");
    }
}
