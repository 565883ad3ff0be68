package roadshow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(64, 1, 1);

    @Test
    void hashIsAnArgon2idPhcStringThatVerifiesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAndIsOutdated() {
        PasswordHasher stronger = new PasswordHasher(128, 2, 1);
        String old = hasher.hash("a password of mine");
        assertThat(stronger.verify("a password of mine", old)).isTrue();
        assertThat(stronger.outdated(old)).isTrue();
        assertThat(hasher.outdated(old)).isFalse();
    }

    @Test
    void anythingButAnArgon2idPhcStringNeverVerifies() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
    }

    @Test
    void parametersArgon2CannotUseAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
