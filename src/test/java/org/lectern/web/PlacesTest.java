package org.lectern.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void everyPlaceIsFilledWithItsValueAndTheTextAroundStaysAsItWas() {
        Places page = Places.of("<p>Hello, " + Places.place("name") + " · <b>" + Places.place("token") + "</b> "
                + Places.place("name") + "</p>");
        Map<String, String> values = Map.of("name", "Zoë ✓", "token", "abc");

        assertThat(page.fill(values::get)).isEqualTo("<p>Hello, Zoë ✓ · <b>abc</b> Zoë ✓</p>");
        assertThatThrownBy(() -> page.fillUtf8(values::get)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWholePageIsFilledInAsUtf8() {
        Places page = Places.utf8("<p>Zoë · " + Places.place("name") + " ✓</p>");

        assertThat(new String(page.fillUtf8(name -> "Ünïcode ✓"), UTF_8)).isEqualTo("<p>Zoë · Ünïcode ✓ ✓</p>");
        assertThatThrownBy(() -> page.fill(name -> "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void textWithoutPlacesIsKeptWhole() {
        assertThat(Places.of("").fill(name -> null)).isEmpty();
        assertThat(Places.of("just text · ✓").fill(name -> null)).isEqualTo("just text · ✓");
    }

    @Test
    void aPlaceWithoutAValueIsAnErrorNotAnEmptyGap() {
        Places page = Places.of("a" + Places.place("missing") + "b");

        assertThatThrownBy(() -> page.fill(name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void textThatOnlyLooksLikeAPlaceIsNotOne() {
        // the mark holds a word drawn at random when the server starts; a reader cannot write it by chance
        String mark = Places.place("name");
        String forged = "place" + "0".repeat(24) + "-name.";
        Places page = Places.of(forged + " " + mark.substring(0, mark.length() - 1));

        assertThat(page.fill(name -> "FILLED")).doesNotContain("FILLED");
    }

    @Test
    void aPlaceIsNamedWithLettersDigitsAndDashes() {
        assertThat(Places.place("line-12")).endsWith("line-12.");
        assertThatThrownBy(() -> Places.place("a name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.place("")).isInstanceOf(IllegalArgumentException.class);
    }
}
