package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.config.Config;
import org.lectern.content.Catalog;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.db.Database;
import org.lectern.testing.TestDatabase;

/**
 * Retrieval quality on the shipped course: for each question, in English or Dutch, the chapter that answers it must
 * come first. A change to the analysers, the fields or their weights that makes the search worse fails here.
 */
class RetrievalQualityTest {
    @TempDir
    static Path dataDir;

    private static Database database;
    private static CourseIndex index;

    @BeforeAll
    static void importTheCourse() {
        database = Database.open(
                TestDatabase.H2.create(dataDir).config(),
                Config.fromMap(Map.of("LECTERN_DATA_DIR", dataDir.toString())).server());
        Catalog catalog = new Catalog(database.dsl());
        ContentLoader loader = new ContentLoader(new ContentImporter(database.dsl()), catalog);
        index = new CourseIndex(new PassageRepository(database.dsl(), catalog)::all);
        loader.whenPublished(index::rebuild);
        loader.importAll(Path.of("content"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            What is the GIL?                                                  | the-gil
            Why is CPU-bound code not faster with threads?                    | io-bound-vs-cpu-bound
            Is concurrency the same as parallelism?                           | concurrency-vs-parallelism
            How do I wait for a thread to finish with join?                   | creating-and-joining-threads
            How do I fix a race condition with a lock?                        | race-conditions-and-locks
            How can one thread wait until another sets an event?              | events-conditions-and-semaphores
            What is the difference between fork and spawn?                    | processes-and-start-methods
            How do I send data between processes through a pipe?              | queues-and-pipes
            Which chunksize should I give Pool.map?                           | pools-and-chunk-sizes
            How do I use ThreadPoolExecutor and futures?                      | thread-pools
            When should I use asyncio instead of threads?                     | asyncio-vs-threads
            Wat is het verschil tussen een draad en een proces?               | threads-vs-processes
            Hoe bescherm ik een gedeelde teller met een slot?                 | race-conditions-and-locks
            Hoe werkt een wachtrij tussen producent en consument?             | producer-consumer-with-queues
            Wat doet de GIL precies?                                          | the-gil
            Wanneer gebruik ik asyncio in plaats van draden?                  | asyncio-vs-threads
            Hoe deel ik een lijst tussen processen met een Manager?           | shared-state
            """)
    void theChapterThatAnswersComesFirst(String question, String chapterSlug) {
        List<CourseIndex.Hit> hits = index.search(question, new CourseIndex.Scope(true, null), 5);
        assertThat(hits).as("hits for %s", question).isNotEmpty();
        assertThat(hits.stream().map(h -> h.passage().chapterPath()).toList())
                .as("chapters found for \"%s\", best first", question)
                .first()
                .asString()
                .endsWith("/" + chapterSlug);
    }

    @Test
    void matchingWordsAreMarkedAndEverythingElseIsEscaped() {
        CourseIndex.Hit first =
                index.search("deadlock", new CourseIndex.Scope(true, null), 1).get(0);
        assertThat(first.html()).containsIgnoringCase("<mark>deadlock");
        assertThat(first.html().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        assertThat(first.passage().href()).startsWith(first.passage().chapterPath() + "#");
    }

    @Test
    void guestsOnlyFindChaptersTheyMayRead() {
        List<CourseIndex.Hit> forGuests = index.search("ThreadPoolExecutor", new CourseIndex.Scope(false, null), 10);
        List<CourseIndex.Hit> forLearners = index.search("ThreadPoolExecutor", new CourseIndex.Scope(true, null), 10);
        assertThat(forLearners).anyMatch(h -> !h.passage().free());
        assertThat(forGuests).allMatch(h -> h.passage().free());
    }

    @Test
    void aQuestionOfStopWordsOnlyFindsNothingInsteadOfFailing() {
        assertThat(index.search("what is the", new CourseIndex.Scope(true, null), 5))
                .isEmpty();
        assertThat(index.search("?!", new CourseIndex.Scope(true, null), 5)).isEmpty();
    }
}
