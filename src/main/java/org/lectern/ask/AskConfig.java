package org.lectern.ask;

import java.net.URI;
import java.time.Duration;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/**
 * The assistant's settings: how many questions a caller may ask, and the optional language model. Without
 * {@code LECTERN_LLM_URL} nothing is ever sent anywhere and answers are the course's own passages.
 *
 * @param questionsPerMinute questions one learner (or one guest address) may ask in any minute
 * @param llm the chat-completions endpoint, or null when none is configured
 */
public record AskConfig(int questionsPerMinute, Llm llm) {

    /**
     * An OpenAI-compatible chat-completions endpoint and the guardrails around it.
     *
     * @param firstTokenTimeout how long the endpoint may take to send its first token (and any later one)
     * @param answerTimeout how long one whole answer may take
     * @param maxAnswerTokens the longest answer asked for
     * @param dailyTokens tokens (question and answer) one learner may use per UTC day
     * @param concurrency answers generated at once, site-wide; more wait for none and get the course's passages
     */
    public record Llm(
            URI url,
            String model,
            String apiKey,
            Duration firstTokenTimeout,
            Duration answerTimeout,
            int maxAnswerTokens,
            int dailyTokens,
            int concurrency) {

        /** Never shows the key: records print every field otherwise, and settings end up in logs. */
        @Override
        public String toString() {
            return "Llm[url=" + url + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "none" : "set") + "]";
        }
    }

    public boolean generationOn() {
        return llm != null;
    }

    /** Reads LECTERN_ASK_* and LECTERN_LLM_* variables; the README lists them. */
    public static AskConfig fromSettings(Settings s) {
        int perMinute = atLeast(s, "LECTERN_ASK_PER_MINUTE", 10, 1);
        String url = s.get("LECTERN_LLM_URL", "");
        if (url.isEmpty()) {
            return new AskConfig(perMinute, null);
        }
        String model = s.get("LECTERN_LLM_MODEL", "");
        if (model.isEmpty()) {
            throw new ConfigException("LECTERN_LLM_URL is set, so LECTERN_LLM_MODEL must name the model to use");
        }
        return new AskConfig(
                perMinute,
                new Llm(
                        endpoint(url),
                        model,
                        s.get("LECTERN_LLM_API_KEY", ""),
                        Duration.ofSeconds(atLeast(s, "LECTERN_LLM_TIMEOUT_SECONDS", 20, 1)),
                        Duration.ofSeconds(atLeast(s, "LECTERN_LLM_ANSWER_SECONDS", 90, 1)),
                        atLeast(s, "LECTERN_LLM_MAX_TOKENS", 800, 16),
                        atLeast(s, "LECTERN_LLM_DAILY_TOKENS", 50_000, 0),
                        atLeast(s, "LECTERN_LLM_CONCURRENCY", 4, 1)));
    }

    /** Takes a base URL ({@code …/v1}) or the full {@code …/chat/completions} address. */
    static URI endpoint(String url) {
        String trimmed = url.replaceAll("/+$", "");
        if (!trimmed.endsWith("/chat/completions")) {
            trimmed += "/chat/completions";
        }
        try {
            URI uri = new URI(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException("LECTERN_LLM_URL must be an http or https address, not '" + url + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("LECTERN_LLM_URL is not a usable address: '" + url + "'");
        }
    }

    private static int atLeast(Settings s, String name, int fallback, int least) {
        int value = s.integer(name, fallback);
        if (value < least) {
            throw new ConfigException(name + " must be at least " + least + ", not " + value);
        }
        return value;
    }
}
