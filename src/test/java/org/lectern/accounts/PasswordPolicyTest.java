package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(10);

    private Optional<String> problem(String password) {
        return policy.check(password, "ann.smith@example.org", "Ann Smith").map(PasswordPolicy.Problem::key);
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(problem("correct horse battery")).isEmpty();
        assertThat(problem("Tr0ub4dor&3xyz")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedWithTheMinimumToShow() {
        var problem = policy.check("Xy7!q", "a@b.org", "A");
        assertThat(problem).hasValue(new PasswordPolicy.Problem("accounts.password.tooShort", 10));
        assertThat(problem("123456789")).hasValue("accounts.password.tooShort");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Ten emoji are ten characters (twenty UTF-16 units): long enough, and not on any list.
        assertThat(problem("🐍🦀☕🐘🦫🐹🦊🐧🐳🦉")).isEmpty();
        assertThat(problem("🐍🦀☕🐘🦫")).hasValue("accounts.password.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "1234567890", "qwertyuiop", "iloveyou123", "Football12", "PASSWORD123"})
    void passwordsFromTheCommonListAreRefusedWhateverTheirCase(String common) {
        assertThat(problem(common)).hasValue("accounts.password.common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "xyzxyzxyzxyz"})
    void repeatedCharactersOrShortPatternsAreRefused(String repeated) {
        assertThat(problem(repeated)).hasValue("accounts.password.common");
    }

    @Test
    void theOwnEmailOrNameIsRefused() {
        assertThat(problem("ann.smith@example.org")).hasValue("accounts.password.personal");
        assertThat(problem("Ann.Smith@Example.org")).hasValue("accounts.password.personal");
        assertThat(policy.check("annsmith1987x", "annsmith1987x@example.org", "A"))
                .map(PasswordPolicy.Problem::key)
                .hasValue("accounts.password.personal");
        assertThat(policy.check("Ann Smith Jones", "a@b.org", "ann smith jones"))
                .map(PasswordPolicy.Problem::key)
                .hasValue("accounts.password.personal");
    }

    @Test
    void anAbsurdlyLongPasswordIsRefusedBeforeHashing() {
        assertThat(problem("x".repeat(PasswordPolicy.MAX_LENGTH) + "yz")).hasValue("accounts.password.tooLong");
    }
}
