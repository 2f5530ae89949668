package org.verbatim.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Marks the terms {@link TechTermCharFilter} produced as keywords, so that they are not stemmed. */
final class TechTermKeywordFilter extends KeywordMarkerFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TechTermKeywordFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean isKeyword() {
        return TechTermCharFilter.produced(term.buffer(), term.length());
    }
}
