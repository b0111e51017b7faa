package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.content.ChapterMoves.Place;

/** Which chapters an import treats as moved to another section, so they keep their rows and learners' work. */
class ChapterMovesTest {
    private static Place at(String section, String chapter) {
        return new Place(section, chapter);
    }

    @Test
    void aSlugThatLeftOneSectionAndArrivedInAnotherIsTheSameChapterMoved() {
        assertThat(ChapterMoves.between(
                        List.of(at("basics", "first"), at("basics", "second"), at("more", "third")),
                        List.of(at("basics", "first"), at("more", "second"), at("more", "third"))))
                .containsExactly(java.util.Map.entry(at("basics", "second"), "more"));
    }

    @Test
    void nothingMovesWhenNothingChangedSectionOrWhenTheSlugIsAmbiguous() {
        List<Place> same = List.of(at("a", "x"), at("b", "y"));
        assertThat(ChapterMoves.between(same, same)).isEmpty();
        assertThat(ChapterMoves.between(List.of(at("a", "x")), List.of(at("a", "y"))))
                .as("a rename is a new chapter")
                .isEmpty();
        assertThat(ChapterMoves.between(List.of(at("a", "x"), at("b", "x")), List.of(at("c", "x"), at("d", "x"))))
                .as("two left and two arrived: nobody can tell which went where")
                .isEmpty();
        assertThat(ChapterMoves.between(List.of(at("a", "x")), List.of(at("b", "x"), at("c", "x"))))
                .isEmpty();
        assertThat(ChapterMoves.between(List.of(at("a", "x"), at("b", "x")), List.of(at("b", "x"), at("c", "x"))))
                .as("the one that left, to the one new place")
                .containsExactly(java.util.Map.entry(at("a", "x"), "c"));
    }
}
