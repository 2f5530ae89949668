package org.verbatim.bench;

/** One question/answer pair as every engine receives it. */
record BenchPair(int id, String interview, String role, String question, String answer) {
}
