package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OutlineChaptersTest {
    private static final String TICK = "<span class=\"progress-tick\">✓</span>";
    private static final OutlineChapters LIST = OutlineChapters.of(
            "<ol><li><a>1.1 First" + tick(11) + "</a></li><li><a>1.2 Second" + tick(12) + "</a></li>"
                    + "<li><a>2.1 Third" + tick(21) + "</a></li></ol>",
            TICK);

    @Test
    void ticksTheChaptersTheReaderCompletedAndNoOthers() {
        assertThat(LIST.html(Set.of(11L, 21L)))
                .isEqualTo("<ol><li><a>1.1 First" + TICK + "</a></li><li><a>1.2 Second</a></li>" + "<li><a>2.1 Third"
                        + TICK + "</a></li></ol>");
    }

    @Test
    void aGuestOrALearnerWithNothingCompletedSeesNoTicksAndNoPlaces() {
        String plain = "<ol><li><a>1.1 First</a></li><li><a>1.2 Second</a></li><li><a>2.1 Third</a></li></ol>";
        assertThat(LIST.html(null)).isEqualTo(plain);
        assertThat(LIST.html(Set.of())).isEqualTo(plain);
        assertThat(LIST.html(Set.of(99L))).isEqualTo(plain);
    }

    @Test
    void anEscapedTitleThatLooksLikeAPlaceStaysText() {
        OutlineChapters list = OutlineChapters.of("<a>&lt;!--tick 7--&gt;" + tick(7) + "</a>", TICK);
        assertThat(list.html(Set.of(7L))).isEqualTo("<a>&lt;!--tick 7--&gt;" + TICK + "</a>");
    }

    private static String tick(long chapter) {
        return OutlineChapters.tickPlace(chapter);
    }
}
