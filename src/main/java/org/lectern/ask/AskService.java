package org.lectern.ask;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lectern.content.ChapterAt;

/**
 * Answers a question asked beside a chapter: the course's most relevant passages always, then, when a language
 * model is configured and the asker is a signed-in learner within their daily budget, a generated answer that
 * cites them. Any trouble with the model leaves the passages as the answer, with a notice saying why.
 */
final class AskService {
    static final int PASSAGES_PER_ANSWER = 5;
    private static final Pattern FUNCTION = Pattern.compile("in (\\w+)");

    private final CourseIndex index;
    private final PassageRepository passages;
    private final AskRepository repository;
    private final AskQuota quota;
    private final ChatClient chat;
    private final AskConfig.Llm llm;
    private final Semaphore slots;
    private final Clock clock;

    /** Who asks: a learner's id, or null for a guest; and the key their questions per minute are counted under. */
    record Asker(Long userId, String quotaKey) {
        boolean signedIn() {
            return userId != null;
        }
    }

    /** @param chat null when no language model is configured */
    AskService(
            CourseIndex index,
            PassageRepository passages,
            AskRepository repository,
            AskQuota quota,
            ChatClient chat,
            AskConfig.Llm llm,
            Clock clock) {
        this.index = index;
        this.passages = passages;
        this.repository = repository;
        this.quota = quota;
        this.chat = chat;
        this.llm = llm;
        this.slots = new Semaphore(llm == null ? 0 : llm.concurrency());
        this.clock = clock;
    }

    /** Counts a question against the asker's minute; the seconds to wait when they are over it. */
    OptionalLong takeQuota(Asker asker) {
        return quota.take(asker.quotaKey());
    }

    List<CourseIndex.Hit> search(String query, boolean members, int limit) {
        return index.search(query, new CourseIndex.Scope(members, null), limit);
    }

    void answer(Asker asker, ChapterAt chapter, Prompt.Request request, AnswerSink sink) {
        String searchText = request.run() == null ? request.question() : searchTextOf(request.run());
        List<CourseIndex.Hit> hits = index.search(
                searchText, new CourseIndex.Scope(asker.signedIn(), chapter.chapterId()), PASSAGES_PER_ANSWER);
        AnswerSink.Generation generation = chat == null
                ? AnswerSink.Generation.OFF
                : asker.signedIn() ? AnswerSink.Generation.ON : AnswerSink.Generation.SIGN_IN;
        sink.passages(hits, generation);
        if (request.run() == null) {
            repository.saveQuestion(
                    chapter.chapterId(),
                    request.question(),
                    generation == AnswerSink.Generation.ON,
                    OffsetDateTime.now(clock));
        }
        if (generation == AnswerSink.Generation.ON) {
            generate(asker.userId(), chapter, hits, request, sink);
        }
        sink.done();
    }

    private void generate(
            long userId, ChapterAt chapter, List<CourseIndex.Hit> hits, Prompt.Request request, AnswerSink sink) {
        LocalDate today = LocalDate.now(clock);
        if (repository.tokensUsed(userId, today) >= llm.dailyTokens()) {
            sink.notice(AnswerSink.Notice.BUDGET);
            return;
        }
        if (!slots.tryAcquire()) {
            sink.notice(AnswerSink.Notice.BUSY);
            return;
        }
        var messages = Prompt.messages(
                chapter.course(),
                chapter.at(),
                passages.chapterMarkdown(chapter.chapterId()).orElse(""),
                hits,
                request);
        int promptChars = messages.stream().mapToInt(m -> m.content().length()).sum();
        int[] answerChars = {0};
        try {
            ChatClient.Completion done = chat.stream(messages, piece -> {
                answerChars[0] += piece.length();
                sink.token(piece);
            });
            repository.addUsage(userId, today, done.tokens(), false);
        } catch (ChatClient.ChatFailure failure) {
            repository.addUsage(userId, today, estimate(promptChars, answerChars[0]), true);
            sink.notice(
                    failure.failure() == ChatClient.Failure.SLOW ? AnswerSink.Notice.SLOW : AnswerSink.Notice.FAILED);
        } catch (RuntimeException stopped) {
            // the learner pressed Stop or left: what the model sent so far still counts against the budget
            repository.addUsage(userId, today, estimate(promptChars, answerChars[0]), false);
            throw stopped;
        } finally {
            slots.release();
        }
    }

    /** About four characters a token, the usual rule for English text, when the endpoint reports no usage. */
    private static int estimate(int promptChars, int answerChars) {
        return (promptChars + answerChars + 3) / 4;
    }

    /**
     * What to search the course for about a failed run: the last lines of the error (the exception and its
     * message), and for a timeout the functions every thread was stuck in (join, acquire, get …).
     */
    static String searchTextOf(Prompt.Run run) {
        List<String> lines = Arrays.stream(run.error().split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        StringBuilder text =
                new StringBuilder(String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
        Matcher functions = FUNCTION.matcher(run.stackDump());
        Set<String> seen = new LinkedHashSet<>();
        while (functions.find()) {
            seen.add(functions.group(1));
        }
        text.append(' ').append(seen.stream().collect(Collectors.joining(" ")));
        return text.toString().strip();
    }
}
