package org.verbatim.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * {@link TechTermCharFilter} by name ({@code verbatimTechTerm}), for analysis chains written as
 * configuration: Solr's schema, or Lucene's {@code CustomAnalyzer}.
 */
public final class TechTermCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "verbatimTechTerm";

    public TechTermCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(NAME + " takes no parameters (got: " + args + ")");
        }
    }

    /** For the service loader only. */
    public TechTermCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new TechTermCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return new TechTermCharFilter(input);
    }
}
