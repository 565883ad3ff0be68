package roadshow.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import roadshow.store.api.Database.Product;

class PooledDatabaseTest {

    @Test
    void theConfiguredUrlComesFirst() {
        assertThat(PooledDatabase.url(" jdbc:postgresql://db/roadshow ", "jdbc:h2:file:/srv/roadshow/data/roadshow"))
                .isEqualTo("jdbc:postgresql://db/roadshow");
    }

    @Test
    void withoutOneTheLaunchersUrlIsUsed() {
        assertThat(PooledDatabase.url("", "jdbc:h2:file:/srv/roadshow/data/roadshow"))
                .isEqualTo("jdbc:h2:file:/srv/roadshow/data/roadshow");
    }

    @Test
    void withNeitherTheDatabaseIsInMemory() {
        assertThat(PooledDatabase.url("", null)).isEqualTo("jdbc:h2:mem:roadshow;DB_CLOSE_DELAY=-1");
        assertThat(PooledDatabase.url(" ", " ")).isEqualTo("jdbc:h2:mem:roadshow;DB_CLOSE_DELAY=-1");
    }

    @Test
    void theProductIsWhatTheDriverReports() {
        assertThat(PooledDatabase.product("H2")).isEqualTo(Product.H2);
        assertThat(PooledDatabase.product("PostgreSQL")).isEqualTo(Product.POSTGRESQL);
        assertThatThrownBy(() -> PooledDatabase.product("MySQL")).hasMessageContaining("MySQL");
    }
}
