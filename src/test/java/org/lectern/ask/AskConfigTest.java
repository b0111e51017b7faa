package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/** Reading the assistant's settings: off unless an endpoint is set, and refusing settings that cannot work. */
class AskConfigTest {
    private static AskConfig read(Map<String, String> env) {
        return AskConfig.fromSettings(new Settings(env));
    }

    @Test
    void withoutAnEndpointNothingIsGeneratedAndNothingIsSent() {
        AskConfig config = read(Map.of("LECTERN_LLM_MODEL", "llama3", "LECTERN_LLM_API_KEY", "k"));
        assertThat(config.generationOn()).isFalse();
        assertThat(config.llm()).isNull();
    }

    @Test
    void aBaseUrlOrTheFullAddressBothReachChatCompletions() {
        assertThat(read(Map.of("LECTERN_LLM_URL", "http://localhost:11434/v1/", "LECTERN_LLM_MODEL", "m"))
                        .llm()
                        .url())
                .hasToString("http://localhost:11434/v1/chat/completions");
        assertThat(read(Map.of(
                                "LECTERN_LLM_URL",
                                "https://api.example.org/v1/chat/completions",
                                "LECTERN_LLM_MODEL",
                                "m"))
                        .llm()
                        .url())
                .hasToString("https://api.example.org/v1/chat/completions");
    }

    @Test
    void settingsThatCannotWorkStopTheStartWithTheVariablesName() {
        assertThatThrownBy(() -> read(Map.of("LECTERN_LLM_URL", "http://localhost:8080/v1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_LLM_MODEL");
        assertThatThrownBy(() -> read(Map.of("LECTERN_LLM_URL", "ftp://x/v1", "LECTERN_LLM_MODEL", "m")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_LLM_URL");
        assertThatThrownBy(() -> read(Map.of("LECTERN_ASK_PER_MINUTE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_ASK_PER_MINUTE");
    }
}
