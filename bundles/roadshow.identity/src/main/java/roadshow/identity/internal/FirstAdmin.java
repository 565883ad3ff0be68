package roadshow.identity.internal;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Role;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * Makes sure a new installation has a platform admin. The first start takes the admin's
 * e-mail and password from the framework properties {@value #EMAIL} and {@value #PASSWORD}
 * (the launcher fills them from {@code ROADSHOW_ADMIN_EMAIL} and {@code ROADSHOW_ADMIN_PASSWORD})
 * for unattended installs; without a password it makes a one-time password, prints it, and
 * asks for a new one at the first log-in.
 */
@Component(service = {})
public class FirstAdmin {

    static final String EMAIL = "roadshow.admin.email";
    static final String PASSWORD = "roadshow.admin.password";
    static final String DEFAULT_EMAIL = "admin@roadshow.local";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    @Activate
    public FirstAdmin(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema, @Reference Passwords passwords,
            @Reference AuditLog audit, BundleContext context) {
        Sql sql = new Sql(schema.dataSource());
        String email = Optional.ofNullable(context.getProperty(EMAIL)).filter(s -> !s.isBlank()).orElse(DEFAULT_EMAIL);
        String given = Optional.ofNullable(context.getProperty(PASSWORD)).filter(s -> !s.isEmpty()).orElse(null);
        if (given != null) {
            try {
                passwords.check(given);
            } catch (IdentityException e) {
                LOG.error("ROADSHOW_ADMIN_PASSWORD is not used: {} A one-time password is made instead.", e.getMessage());
                given = null;
            }
        }
        String password = given != null ? given : Secrets.random(12);
        boolean oneTime = given == null;
        try {
            Optional<String> created = sql.transaction(c -> {
                if (Sql.one(c, "select person from identity_role where kind = ?", r -> r.getString(1), Role.Kind.ADMIN.name()).isPresent()) {
                    return Optional.<String>empty();
                }
                String id = Sql.one(c, "select id from identity_person where email_key = ?", r -> r.getString(1),
                        Validation.emailKey(email)).orElse(null);
                if (id == null) {
                    id = PersonStore.insert(c, Validation.email(email), "Administrator", null, passwords.hash(password), true, oneTime).id();
                } else {
                    Sql.update(c, "update identity_person set password_hash = ?, password_change_required = ? where id = ?",
                            passwords.hash(password), oneTime, id);
                }
                Sql.update(c, "insert into identity_role (person, kind, scope) values (?, ?, '')", id, Role.Kind.ADMIN.name());
                return Optional.of(id);
            });
            created.ifPresent(id -> {
                audit.record(AuditEvent.of("system", "Roadshow", "role.set", "person", id, email + " became the first platform admin.", null));
                if (oneTime) {
                    LOG.warn("\n\n    First start: log in at /login as {} with the one-time password {}\n"
                            + "    You will be asked to choose your own. (Set ROADSHOW_ADMIN_EMAIL and ROADSHOW_ADMIN_PASSWORD"
                            + " to choose them up front.)\n", email, password);
                } else {
                    LOG.info("First start: the platform admin is {}", email);
                }
            });
        } catch (IdentityException | Sql.Failure e) {
            // Another node made the first admin at the same moment.
            LOG.debug("The first admin was made elsewhere: {}", e.getMessage());
        }
    }
}
