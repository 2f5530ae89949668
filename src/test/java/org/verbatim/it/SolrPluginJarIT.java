package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Solr plugin jar ({@code target/verbatim-solr-plugin.jar}) holds Verbatim's analysis factories
 * alone: with nothing but Lucene beside it, as on a Solr node, both load by name and work.
 */
class SolrPluginJarIT {

    static URL jarOf(Class<?> c) throws Exception {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFactoriesLoadByNameWithOnlyLuceneBesideThem() throws Exception {
        Path plugin = Path.of("target/verbatim-solr-plugin.jar");
        assertTrue(Files.isRegularFile(plugin), plugin + " is built by mvn package");
        URL[] urls = {plugin.toUri().toURL(), jarOf(org.apache.lucene.analysis.Analyzer.class),
            jarOf(org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter.class)};
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> charFilters = loader.loadClass("org.apache.lucene.analysis.CharFilterFactory");
            Class<?> tokenFilters = loader.loadClass("org.apache.lucene.analysis.TokenFilterFactory");
            assertTrue(((Set<String>) charFilters.getMethod("availableCharFilters").invoke(null)).contains("verbatimTechTerm"));
            assertTrue(((Set<String>) tokenFilters.getMethod("availableTokenFilters").invoke(null)).contains("verbatimTechTermKeyword"));
            Object factory = charFilters.getMethod("forName", String.class, java.util.Map.class).invoke(null, "verbatimTechTerm", new HashMap<>());
            Reader filtered = (Reader) charFilters.getMethod("create", Reader.class).invoke(factory, new StringReader("C# and Node.js"));
            StringBuilder out = new StringBuilder();
            for (int c = filtered.read(); c >= 0; c = filtered.read()) {
                out.append((char) c);
            }
            assertEquals("Csharp and Nodejs", out.toString());
            tokenFilters.getMethod("forName", String.class, java.util.Map.class).invoke(null, "verbatimTechTermKeyword", new HashMap<>());
        }
    }
}
