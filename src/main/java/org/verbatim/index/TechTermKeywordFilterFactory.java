package org.verbatim.index;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * The filter that keeps {@link TechTermCharFilter}'s terms ({@code csharp}, {@code nodejs}) from the
 * stemmer, by name ({@code verbatimTechTermKeyword}), for analysis chains written as configuration.
 */
public final class TechTermKeywordFilterFactory extends TokenFilterFactory {

    public static final String NAME = "verbatimTechTermKeyword";

    public TechTermKeywordFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(NAME + " takes no parameters (got: " + args + ")");
        }
    }

    /** For the service loader only. */
    public TechTermKeywordFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new TechTermKeywordFilter(input);
    }
}
