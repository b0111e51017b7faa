package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.content.ContentLinks.AssetTarget;
import org.lectern.content.ContentLinks.ChapterTarget;

class ContentLinksTest {
    @Test
    void aSiblingChapterResolvesWithinTheSection() {
        assertThat(ContentLinks.resolve("intro", "02-threads.md#gil"))
                .contains(new ChapterTarget("intro", "threads", "gil"));
    }

    @Test
    void aChapterInAnotherSectionResolvesThroughParent() {
        assertThat(ContentLinks.resolve("intro", "../02-multithreading/01-basics.md"))
                .contains(new ChapterTarget("multithreading", "basics", null));
    }

    @Test
    void anImageResolvesToACourseFile() {
        assertThat(ContentLinks.resolve("intro", "../images/a.svg")).contains(new AssetTarget("images/a.svg"));
    }

    @Test
    void absoluteAndFragmentLinksAreLeftAlone() {
        assertThat(ContentLinks.resolve("intro", "https://python.org")).isEmpty();
        assertThat(ContentLinks.resolve("intro", "#top")).isEmpty();
        assertThat(ContentLinks.resolve("intro", "/courses")).isEmpty();
        assertThat(ContentLinks.resolve("intro", "mailto:a@b.c")).isEmpty();
    }
}
