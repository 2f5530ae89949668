package org.verbatim.enrich;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings of cleaned questions, from all-MiniLM-L6-v2 (quantised) run in-process by ONNX
 * Runtime. The model ships inside its Maven artifact and is loaded once per process; nothing is
 * downloaded. When it cannot load, {@link #shared()} returns {@link #NONE} and says so once in the log,
 * and question grouping falls back to its lexical signals. Thread-safe.
 */
public interface QuestionEmbedder {

    /** The unit-length vector of a text, or {@code null} when this embedder has no model. */
    float[] embed(String text);

    /** Dimensions of the vectors, 0 for none. */
    int dimensions();

    /** A name for the model, stored with vectors so that vectors of another model are not compared. */
    String model();

    /** No model: every question is compared on its words only. */
    QuestionEmbedder NONE = new QuestionEmbedder() {
        @Override
        public float[] embed(String text) {
            return null;
        }

        @Override
        public int dimensions() {
            return 0;
        }

        @Override
        public String model() {
            return "none";
        }
    };

    /** The process's embedder, loaded on first use. */
    static QuestionEmbedder shared() {
        return Holder.INSTANCE;
    }

    /** Cosine similarity of two unit vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(QuestionEmbedder.class);
        static final QuestionEmbedder INSTANCE = load();

        private Holder() {
        }

        private static QuestionEmbedder load() {
            if (Boolean.getBoolean("verbatim.noEmbeddings") || System.getenv("VERBATIM_NO_EMBEDDINGS") != null) {
                LOG.info("question embeddings are turned off; questions are grouped by their words only");
                return NONE;
            }
            // The tokenizer library must never look for files on the network.
            System.setProperty("ai.djl.offline", "true");
            try {
                long t0 = System.nanoTime();
                OnnxEmbedder e = new OnnxEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "all-minilm-l6-v2-q");
                e.embed("warm up");
                LOG.debug("question embedding model loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
                return e;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the question embedding model could not load ({}); questions are grouped by their words only", e.toString());
                return NONE;
            }
        }
    }

    /** An embedder over a langchain4j in-process model. */
    final class OnnxEmbedder implements QuestionEmbedder {
        private final EmbeddingModel model;
        private final int dimensions;
        private final String name;

        OnnxEmbedder(EmbeddingModel model, String name) {
            this.model = model;
            this.name = name;
            this.dimensions = model.dimension();
        }

        @Override
        public float[] embed(String text) {
            float[] v = model.embed(text.isBlank() ? "?" : text).content().vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) norm;
                }
            }
            return v;
        }

        @Override
        public int dimensions() {
            return dimensions;
        }

        @Override
        public String model() {
            return name;
        }
    }
}
