package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginCheckTest {

    @Test
    void anOriginMatchesTheHostItNames() {
        assertThat(RunSocket.sameHost("http://localhost:7070", "localhost:7070"))
                .isTrue();
        assertThat(RunSocket.sameHost("https://learn.example.org", "learn.example.org"))
                .isTrue();
        assertThat(RunSocket.sameHost("https://Learn.Example.org", "learn.example.org"))
                .isTrue();
    }

    @Test
    void anyOtherOriginDoesNot() {
        assertThat(RunSocket.sameHost("https://evil.example", "learn.example.org"))
                .isFalse();
        assertThat(RunSocket.sameHost("http://localhost:7071", "localhost:7070"))
                .isFalse();
        assertThat(RunSocket.sameHost("https://learn.example.org.evil.example", "learn.example.org"))
                .isFalse();
        assertThat(RunSocket.sameHost("null", "learn.example.org")).isFalse();
        assertThat(RunSocket.sameHost("not a uri", "learn.example.org")).isFalse();
        assertThat(RunSocket.sameHost("https://learn.example.org", null)).isFalse();
    }
}
