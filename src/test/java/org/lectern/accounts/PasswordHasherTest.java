package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.config.Config;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new Config.Hashing(1024, 1, 1, 10));

    @Test
    void hashesAreArgon2idWithTheirParametersAndASaltAndVerify() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    }

    @Test
    void aHashFromOtherSettingsStillVerifiesAndIsMarkedForRehashing() {
        PasswordHasher stronger = new PasswordHasher(new Config.Hashing(2048, 2, 1, 10));
        String old = hasher.hash("correct horse battery");
        assertThat(stronger.verify("correct horse battery", old)).isTrue();
        assertThat(stronger.outdated(old)).isTrue();
        assertThat(hasher.outdated(old)).isFalse();
    }

    @Test
    void aDamagedHashNeverVerifies() {
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
        assertThat(hasher.verify("anything", "")).isFalse();
        assertThat(hasher.outdated("not a hash")).isTrue();
    }
}
