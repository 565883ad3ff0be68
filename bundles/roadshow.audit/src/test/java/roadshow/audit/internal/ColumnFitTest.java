package roadshow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How text is made to fit the audit log's columns, and action prefixes made LIKE patterns. */
class ColumnFitTest {

    @Test
    void textThatFitsIsKept() {
        assertThat(DatabaseAuditLog.fit("session.login", 13)).isEqualTo("session.login");
        assertThat(DatabaseAuditLog.fit(null, 13)).isNull();
    }

    @Test
    void longerTextIsCutAndMarkedAsCut() {
        assertThat(DatabaseAuditLog.fit("abcdefgh", 5)).isEqualTo("abcd…");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String rocket = "\uD83D\uDE80"; // one character, two UTF-16 units

        assertThat(DatabaseAuditLog.fit("abc" + rocket + "def", 5)).isEqualTo("abc…");
        assertThat(DatabaseAuditLog.fit("ab" + rocket + "def", 5)).isEqualTo("ab" + rocket + "…");
    }

    @Test
    void likeWildcardsInAPrefixAreEscaped() {
        assertThat(DatabaseAuditLog.likePrefix("session.")).isEqualTo("session.%");
        assertThat(DatabaseAuditLog.likePrefix("a_b%c!.")).isEqualTo("a!_b!%c!!.%");
    }
}
