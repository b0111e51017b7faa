package org.lectern.ask;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Every passage is indexed twice, once analysed as English and once as Dutch, so a question in either language
 * finds it with stop words dropped and words reduced to their stems. Questions are also expanded with a glossary
 * of the course's terms ({@code ask/glossary-nl.txt}), because an English course says "thread" where a Dutch
 * learner may write "draad".
 */
final class Analyzers {
    static final String TEXT_EN = "text_en";
    static final String TEXT_NL = "text_nl";
    static final String HEADING_EN = "heading_en";
    static final String HEADING_NL = "heading_nl";

    private Analyzers() {}

    /**
     * Both languages' stop words, in both fields: a question in one language must not match the other field on
     * its "what", "is", "the" or "wat", "de", "het".
     */
    private static final CharArraySet STOP_WORDS = stopWords();

    /** What the index is written with (and what the highlighter re-analyses stored text with). */
    static Analyzer forIndex() {
        Analyzer english = new Stemmed(null, false);
        Analyzer dutch = new Stemmed(null, true);
        return new PerFieldAnalyzerWrapper(english, Map.of(TEXT_NL, dutch, HEADING_NL, dutch));
    }

    /** What questions are analysed with: as the index, plus the Dutch glossary. */
    static Analyzer forQuestions() {
        SynonymMap glossary = glossary();
        Analyzer english = new Stemmed(glossary, false);
        Analyzer dutch = new Stemmed(glossary, true);
        return new PerFieldAnalyzerWrapper(english, Map.of(TEXT_NL, dutch, HEADING_NL, dutch));
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(DutchAnalyzer.getDefaultStopSet());
        // question words the standard English list leaves in
        words.addAll(List.of("what", "why", "how", "when", "which", "who", "does", "do", "i", "my", "can"));
        return CharArraySet.unmodifiableSet(words);
    }

    private static SynonymMap glossary() {
        try (Reader rules = new InputStreamReader(
                        Analyzers.class.getResourceAsStream("/ask/glossary-nl.txt"), StandardCharsets.UTF_8);
                Analyzer words = new WhitespaceAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
            parser.parse(rules);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("ask/glossary-nl.txt: " + e.getMessage(), e);
        }
    }

    /**
     * Standard tokens, lower case, the glossary (for questions only), both languages' stop words, then one
     * language's stemmer: Porter for English (after dropping possessive 's, as Lucene's EnglishAnalyzer does),
     * Snowball for Dutch.
     */
    private static final class Stemmed extends Analyzer {
        private final SynonymMap glossary;
        private final boolean dutch;

        Stemmed(SynonymMap glossary, boolean dutch) {
            this.glossary = glossary;
            this.dutch = dutch;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(dutch ? source : new EnglishPossessiveFilter(source));
            if (glossary != null) {
                stream = new SynonymGraphFilter(stream, glossary, true);
            }
            stream = new StopFilter(stream, STOP_WORDS);
            TokenStream stemmed = dutch ? new SnowballFilter(stream, new DutchStemmer()) : new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stemmed);
        }
    }
}
