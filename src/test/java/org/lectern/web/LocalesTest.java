package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalesTest {
    @Test
    void acceptLanguagePicksTheBestSupportedLanguage() {
        assertThat(Locales.fromHeader("nl-BE,nl;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(Locales.fromHeader("de-DE,de;q=0.9,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Locales.fromHeader("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(Locales.fromHeader(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Locales.fromHeader(";;;garbage===")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theLanguageSwitchOnlyRedirectsWithinTheSite() {
        assertThat(Redirects.safeNext("/courses/x")).isEqualTo("/courses/x");
        assertThat(Redirects.safeNext("//evil.example")).isEqualTo("/");
        assertThat(Redirects.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(Redirects.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(Redirects.safeNext(null)).isEqualTo("/");
    }
}
