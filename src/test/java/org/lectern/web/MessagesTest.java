package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Path BUNDLES = Path.of("templates/i18n");
    private final Messages messages = Messages.fromDirectory(Path.of("."));

    @Test
    void everyLanguageHasExactlyTheKeysOfTheEnglishBundle() throws IOException {
        Set<String> english = keysOf(BUNDLES.resolve("messages.properties"));
        assertThat(english).isNotEmpty();
        for (Locale locale : Locales.SUPPORTED) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Path file = BUNDLES.resolve("messages_" + locale.getLanguage() + ".properties");
            assertThat(keysOf(file)).as("the keys of %s", file).containsExactlyInAnyOrderElementsOf(english);
        }
    }

    private static Set<String> keysOf(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames();
    }

    @Test
    void dutchReadersGetDutchWithPluralsFormatted() {
        Locale dutch = Locale.forLanguageTag("nl");
        assertThat(messages.get(dutch, "chapter.label", 1, 2)).isEqualTo("Sectie 1 · Hoofdstuk 2");
        assertThat(messages.get(dutch, "chapter.reading", 1)).isEqualTo("1 minuut lezen");
        assertThat(messages.get(Locale.ENGLISH, "chapter.reading", 7)).isEqualTo("7 minutes read");
    }

    @Test
    void anUnknownLanguageFallsBackToEnglishNotTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("nl"));
            assertThat(messages.get(Locale.GERMAN, "chapter.next")).isEqualTo("Next");
        } finally {
            Locale.setDefault(before);
        }
    }
}
