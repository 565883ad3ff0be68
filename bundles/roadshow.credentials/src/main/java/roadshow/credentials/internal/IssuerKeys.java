package roadshow.credentials.internal;

import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * The key the platform signs credentials with: made the first time one is needed, kept in
 * the database so that every node signs with the same key and a restart keeps it, and read
 * once per activation. A node that finds no key stores one of its own unless another node
 * stored one first; either way every node then uses the one stored.
 */
// The key's table is made by roadshow.store's schema extender from db/credentials.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = IssuerKeys.class)
public class IssuerKeys {

    /** The row of the key that signs Open Badges credentials. */
    static final String CREDENTIALS = "credentials";
    /** 3072 bits rather than 2048: the key is never rotated, and NIST keeps 2048-bit signatures only until 2030. */
    private static final int RSA_BITS = 3072;

    private final Sql sql;
    private final Clock clock;
    private volatile SigningKey key;

    @Activate
    public IssuerKeys(@Reference(target = "(roadshow.schema=roadshow.credentials)") Schema schema) {
        this(new Sql(schema.dataSource()), Clock.systemUTC());
    }

    IssuerKeys(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The signing key, made and stored if there is none yet. */
    SigningKey signingKey() {
        SigningKey known = key;
        if (known == null) {
            synchronized (this) {
                known = key;
                if (known == null) {
                    known = SigningKey.of(storedOrNew());
                    key = known;
                }
            }
        }
        return known;
    }

    private RSAKey storedOrNew() {
        Optional<String> stored = stored();
        if (stored.isEmpty()) {
            try {
                sql.update("insert into credentials_signing_key (purpose, private_jwk, created_at) values (?, ?, ?)", CREDENTIALS,
                        generate().toJSONString(), clock.instant());
            } catch (Sql.Failure e) {
                if (!e.duplicate()) {
                    throw e;
                }
                // another node stored its key between our look and our insert: that one is read below
            }
            stored = stored();
        }
        try {
            return RSAKey.parse(stored.orElseThrow());
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key is not a JSON Web Key: " + e.getMessage(), e);
        }
    }

    private Optional<String> stored() {
        return sql.one("select private_jwk from credentials_signing_key where purpose = ?", row -> row.getString(1), CREDENTIALS);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(RSA_BITS).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("No RSA key could be made: " + e.getMessage(), e);
        }
    }
}
