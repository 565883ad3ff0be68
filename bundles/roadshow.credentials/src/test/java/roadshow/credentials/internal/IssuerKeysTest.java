package roadshow.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import roadshow.store.api.Sql;

/**
 * The signing key on a fresh in-memory H2 database migrated by Flyway from the bundle's own
 * {@code db/credentials}, as roadshow.store's schema extender does in the framework. Each
 * {@link IssuerKeys} stands for a node of its own sharing the database.
 */
class IssuerKeysTest {

    private final JdbcDataSource database = migrated();
    private final Sql sql = new Sql(database);

    private static JdbcDataSource migrated() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).table("schema_history_roadshow_credentials").locations("classpath:db/credentials")
                .load().migrate();
        return database;
    }

    private IssuerKeys node() {
        return new IssuerKeys(new Sql(database), Clock.systemUTC());
    }

    private int storedKeys() {
        return sql.one("select count(*) from credentials_signing_key", row -> row.getInt(1)).orElseThrow();
    }

    @Test
    void theKeyIsMadeOnFirstNeedThenReusedAcrossRestarts() {
        assertThat(storedKeys()).isZero();

        IssuerKeys keys = node();
        SigningKey first = keys.signingKey();
        assertThat(storedKeys()).isEqualTo(1);
        assertThat(keys.signingKey()).isSameAs(first);

        SigningKey afterRestart = node().signingKey();
        assertThat(afterRestart.thumbprint()).isEqualTo(first.thumbprint());
        assertThat(afterRestart.pair()).isEqualTo(first.pair());
        assertThat(first.pair().isPrivate()).isTrue();
        assertThat(first.pair().size()).isEqualTo(3072);
        assertThat(storedKeys()).isEqualTo(1);
    }

    @Test
    void nodesStartingAtOnceEndUpWithOneKey() throws Exception {
        int nodes = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<SigningKey>> keys = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                IssuerKeys node = node();
                Callable<SigningKey> firstNeed = () -> {
                    start.await();
                    return node.signingKey();
                };
                keys.add(pool.submit(firstNeed));
            }
            start.countDown();
            String stored = keys.get(0).get().thumbprint();
            for (Future<SigningKey> key : keys) {
                assertThat(key.get().thumbprint()).isEqualTo(stored);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedKeys()).isEqualTo(1);
    }

    @Test
    void thePublishedKeyHasNoPrivatePart() {
        SigningKey key = node().signingKey();

        assertThat(key.published(SampleCertifications.ISSUER).isPrivate()).isFalse();
        assertThat(key.published(SampleCertifications.ISSUER).getKeyID()).isEqualTo(SampleCertifications.ISSUER.keyId(key.thumbprint()));
        assertThat(IssuerDocuments.keySet(SampleCertifications.ISSUER, key)).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }
}
