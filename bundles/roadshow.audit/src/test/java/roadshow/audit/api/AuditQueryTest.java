package roadshow.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void blankFiltersMatchEverything() {
        AuditQuery query = new AuditQuery(" ", "", "\t", null, "", 10);

        assertThat(query).isEqualTo(AuditQuery.latest(10));
        assertThat(query.actionIsPrefix()).isFalse();
    }

    @Test
    void anActionEndingInADotIsAPrefix() {
        assertThat(new AuditQuery(null, "session.", null, null, null, 10).actionIsPrefix()).isTrue();
        assertThat(new AuditQuery(null, "session.login", null, null, null, 10).actionIsPrefix()).isFalse();
    }

    @Test
    void theLimitIsFromOneToTheMaximum() {
        assertThat(AuditQuery.latest(1).limit()).isEqualTo(1);
        assertThat(AuditQuery.latest(AuditQuery.MAX_LIMIT).limit()).isEqualTo(AuditQuery.MAX_LIMIT);
        assertThatThrownBy(() -> AuditQuery.latest(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.latest(AuditQuery.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextPageKeepsTheFilters() {
        AuditQuery query = new AuditQuery("p-ada", "token.", "token", "t-1", null, 20);

        assertThat(query.before("42")).isEqualTo(new AuditQuery("p-ada", "token.", "token", "t-1", "42", 20));
    }

    @Test
    void anEventNeedsAnActorAndAnAction() {
        assertThatThrownBy(() -> AuditEvent.of(null, null, "session.login", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> AuditEvent.of("p-ada", null, " ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        assertThat(AuditEvent.token("t-1")).isEqualTo("token:t-1");
    }
}
