package org.lectern.ask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of every published chapter's passages. It lives in memory: a course is a few hundred passages
 * (well under a megabyte of index) and is rebuilt from the database in a fraction of a second, the database stays
 * the one source of truth, and every node of a cluster keeps its own copy without sharing files or locks. A
 * rebuild makes a whole new index and swaps it in, so searches never see a half-built one.
 */
final class CourseIndex {
    private static final Logger log = LoggerFactory.getLogger(CourseIndex.class);
    private static final String ORDINAL = "ordinal";
    private static final String CHAPTER = "chapter";
    private static final String FREE = "free";
    private static final int SNIPPET_CHARACTERS = 320;

    private final Supplier<List<Passage>> source;
    private final Analyzer indexAnalyzer = Analyzers.forIndex();
    private final QueryBuilder questions = questionParser();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** Where a question is asked from: what the asker may read, and the chapter they are on (or null). */
    record Scope(boolean members, Long chapterId) {}

    /** A passage found, with its text as safe HTML: escaped, matching words in {@code <mark>}. */
    record Hit(Passage passage, String html) {}

    private record Snapshot(DirectoryReader reader, List<Passage> passages) {}

    CourseIndex(Supplier<List<Passage>> source) {
        this.source = source;
    }

    /** A glossary term of several words ("gedeeld geheugen": "shared memory") must match as a phrase. */
    private static QueryBuilder questionParser() {
        QueryBuilder parser = new QueryBuilder(Analyzers.forQuestions());
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return parser;
    }

    /** Reads every published passage and swaps in a fresh index of them. */
    void rebuild() {
        long started = System.nanoTime();
        List<Passage> passages = List.copyOf(source.get());
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (int i = 0; i < passages.size(); i++) {
                writer.addDocument(document(i, passages.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Snapshot old = current.getAndSet(new Snapshot(DirectoryReader.open(directory), passages));
            if (old != null) {
                old.reader().decRef();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info(
                "Search index rebuilt: {} passages in {} ms",
                passages.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    int size() {
        Snapshot snapshot = current.get();
        return snapshot == null ? 0 : snapshot.passages().size();
    }

    /** The best passages for a question, best first; empty when the question has no searchable word. */
    List<Hit> search(String question, Scope scope, int limit) {
        Query words = wordsOf(question);
        if (words == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (!scope.members()) {
            query.add(new TermQuery(new Term(FREE, "yes")), Occur.FILTER);
        }
        if (scope.chapterId() != null) {
            // A question asked beside a chapter is most likely about it: a nudge, not a filter.
            query.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(
                                    new Term(CHAPTER, scope.chapterId().toString()))),
                            1.5f),
                    Occur.SHOULD);
        }
        Snapshot snapshot = acquire();
        try {
            IndexSearcher searcher = new IndexSearcher(snapshot.reader());
            Query built = query.build();
            // several paragraphs under one heading often match together: show the best of each place once
            TopDocs top = searcher.search(built, limit * 4);
            return onePerPlace(hits(searcher, snapshot, words, top), limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    private Query wordsOf(String question) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (var field : Map.of(
                        Analyzers.TEXT_EN, 1f,
                        Analyzers.TEXT_NL, 1f,
                        Analyzers.HEADING_EN, 1.5f,
                        Analyzers.HEADING_NL, 1.5f)
                .entrySet()) {
            Query q = questions.createBooleanQuery(field.getKey(), question, Occur.SHOULD);
            if (q != null) {
                words.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : words.build();
    }

    private List<Hit> hits(IndexSearcher searcher, Snapshot snapshot, Query words, TopDocs top) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        String[] fields = {Analyzers.TEXT_EN, Analyzers.TEXT_NL};
        Map<String, String[]> marked = highlighter.highlightFields(fields, words, top, new int[] {2, 2});
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc doc = top.scoreDocs[i];
            int ordinal = searcher.storedFields()
                    .document(doc.doc)
                    .getField(ORDINAL)
                    .numericValue()
                    .intValue();
            Passage passage = snapshot.passages().get(ordinal);
            String html = mostMarked(marked.get(Analyzers.TEXT_EN)[i], marked.get(Analyzers.TEXT_NL)[i]);
            hits.add(new Hit(passage, html != null ? html : plain(passage.text())));
        }
        return hits;
    }

    private static List<Hit> onePerPlace(List<Hit> hits, int limit) {
        Set<String> places = new HashSet<>();
        return hits.stream()
                .filter(h -> places.add(h.passage().href()))
                .limit(limit)
                .toList();
    }

    private static String mostMarked(String english, String dutch) {
        if (english == null || dutch == null) {
            return english != null ? english : dutch;
        }
        return count(dutch, "<mark>") > count(english, "<mark>") ? dutch : english;
    }

    private static int count(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    /** A passage matched on its heading only: its start, escaped. */
    private static String plain(String text) {
        String start = text.length() <= SNIPPET_CHARACTERS ? text : text.substring(0, SNIPPET_CHARACTERS) + " …";
        Encoder encoder = new SimpleHTMLEncoder();
        return encoder.encodeText(start);
    }

    private static Document document(int ordinal, Passage passage) {
        Document doc = new Document();
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new StringField(CHAPTER, Long.toString(passage.chapterId()), Field.Store.NO));
        doc.add(new StringField(FREE, passage.free() ? "yes" : "no", Field.Store.NO));
        doc.add(new TextField(Analyzers.TEXT_EN, passage.text(), Field.Store.YES));
        doc.add(new TextField(Analyzers.TEXT_NL, passage.text(), Field.Store.YES));
        String heading = passage.heading() + "\n" + passage.chapterTitle();
        doc.add(new TextField(Analyzers.HEADING_EN, heading, Field.Store.NO));
        doc.add(new TextField(Analyzers.HEADING_NL, heading, Field.Store.NO));
        return doc;
    }

    private Snapshot acquire() {
        while (true) {
            Snapshot snapshot = current.get();
            if (snapshot == null) {
                throw new IllegalStateException("the search index has not been built yet");
            }
            if (snapshot.reader().tryIncRef()) {
                return snapshot;
            }
        }
    }

    private static void release(Snapshot snapshot) {
        try {
            snapshot.reader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
