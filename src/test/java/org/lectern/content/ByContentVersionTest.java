package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ByContentVersionTest {
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final ByContentVersion<Long, String> kept = new ByContentVersion<>(version::get);

    @Test
    void aValueIsReadOncePerKeyAndVersion() {
        assertThat(kept.get(7L, this::read)).isEqualTo("chapter 7, read 1");
        assertThat(kept.get(7L, this::read)).isEqualTo("chapter 7, read 1");
        assertThat(kept.get(8L, this::read)).isEqualTo("chapter 8, read 2");

        version.incrementAndGet();
        assertThat(kept.get(7L, this::read)).isEqualTo("chapter 7, read 3");
        assertThat(kept.get(7L, this::read)).isEqualTo("chapter 7, read 3");
    }

    @Test
    void aValueReadWhileTheContentChangedIsReadAgain() {
        String during = kept.get(7L, chapter -> {
            String value = read(chapter);
            version.incrementAndGet(); // a publish lands while the old content is being read
            return value;
        });

        assertThat(during).isEqualTo("chapter 7, read 1");
        assertThat(kept.get(7L, this::read)).isEqualTo("chapter 7, read 2");
    }

    private String read(long chapter) {
        return "chapter " + chapter + ", read " + reads.incrementAndGet();
    }
}
