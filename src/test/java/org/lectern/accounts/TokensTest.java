package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
    private final Tokens tokens = new Tokens();

    @Test
    void tokensAre256RandomBitsInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.create();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Tokens.wellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theStoredHashIsSha256InHexStableAndNotTheToken() {
        String token = tokens.create();
        String hash = Tokens.hash(token);
        assertThat(hash)
                .hasSize(64)
                .matches("[0-9a-f]+")
                .isEqualTo(Tokens.hash(token))
                .doesNotContain(token);
        assertThat(Tokens.hash(tokens.create())).isNotEqualTo(hash);
        // A known vector, so a change of algorithm cannot pass unnoticed (it would end every session).
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void valuesOfAnotherShapeAreNotEvenLookedUp() {
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("")).isFalse();
        assertThat(Tokens.wellFormed("short")).isFalse();
        assertThat(Tokens.wellFormed("x".repeat(42) + "'")).isFalse();
        assertThat(Tokens.wellFormed("x".repeat(44))).isFalse();
    }
}
