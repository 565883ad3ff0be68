package roadshow.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.ApiToken;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * {@link ApiTokens} in the identity tables. A token's secret is {@code rs_<id>_<random>};
 * only its SHA-256 is kept, which is safe for 256 random bits where it would not be for a
 * password.
 */
@Component(service = ApiTokens.class)
public class TokenStore implements ApiTokens {

    private static final String PREFIX = "rs_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Sql sql;

    @Activate
    public TokenStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema) {
        this.sql = new Sql(schema.dataSource());
    }

    @Override
    public Issued issue(String name, String org, String vendor, String issuedBy) {
        String validName = Validation.name(name, "name");
        if ((org == null) == (vendor == null)) {
            throw new IdentityException(Reason.INVALID, "org", "A token is scoped to exactly one organisation or one vendor.");
        }
        String id = Secrets.random(9).replace('-', 'x').replace('_', 'y');
        String secret = PREFIX + id + "_" + Secrets.random();
        Instant now = Instant.now();
        sql.transaction(c -> {
            String table = org != null ? "identity_org" : "identity_vendor";
            String scope = org != null ? org : vendor;
            if (Sql.one(c, "select id from " + table + " where id = ?", r -> r.getString(1), scope).isEmpty()) {
                throw new IdentityException(Reason.NOT_FOUND, org != null ? "org" : "vendor",
                        "There is no " + (org != null ? "organisation" : "vendor") + " '" + scope + "'.");
            }
            Sql.update(c, "insert into identity_token (id, name, org, vendor, digest, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?)",
                    id, validName, org, vendor, Secrets.digest(secret), issuedBy, now);
            return null;
        });
        return new Issued(new ApiToken(id, validName, org, vendor, issuedBy, now, null, null), secret);
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return sql.one("select * from identity_token where id = ?", TokenStore::token, id);
    }

    @Override
    public List<ApiToken> list() {
        return sql.list("select * from identity_token order by issued_at desc, id", TokenStore::token);
    }

    @Override
    public void revoke(String id) {
        if (sql.update("update identity_token set revoked_at = coalesce(revoked_at, ?) where id = ?", Instant.now(), id) == 0) {
            throw new IdentityException(Reason.NOT_FOUND, "token", "There is no such token.");
        }
    }

    @Override
    public Optional<Subject> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        String digest = Secrets.digest(secret);
        Optional<ApiToken> token = sql.one("select * from identity_token where digest = ? and revoked_at is null", TokenStore::token, digest);
        Instant now = Instant.now();
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(t -> sql.update("update identity_token set last_used_at = ? where id = ?", now, t.id()));
        return token.map(t -> new Subject(null, t.name(), null, t.org(),
                List.of(t.org() != null ? Role.orgAdmin(t.org()) : Role.vendorAuthor(t.vendor())), t.id()));
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        return new ApiToken(row.getString("id"), row.getString("name"), row.getString("org"), row.getString("vendor"),
                row.getString("issued_by"), Sql.instant(row, "issued_at"), Sql.instant(row, "last_used_at"),
                Sql.instant(row, "revoked_at"));
    }
}
