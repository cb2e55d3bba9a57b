package dev.newsflow.inference.summarization;

/**
 * Knobs of {@link ExtractiveSummarizer}. {@link #defaults()} holds the values tuned on the
 * CNN/DailyMail development articles ({@code SummarizerTuning} in the benchmarks module, see {@code
 * docs/summarization.md}).
 *
 * <p>A sentence's relevance is {@code lexicalWeight * lexical + embeddingWeight * semantic +
 * positionWeight * exp(-index / positionDecay) - lengthWeight * |words - targetWords| /
 * targetWords}, where both centralities are rescaled to [0, 1] within the document.
 *
 * @param maxSentences sentences in a summary
 * @param maxCandidates only the first this many sentences are embedded and may be picked; bounds
 *     the cost of very long articles (news puts the substance first)
 * @param minWords sentences shorter than this are never picked (datelines, "Scroll down for
 *     video"), unless too few others are left
 * @param maxWords sentences longer than this are never picked (run-ons of merged photo captions),
 *     unless too few others are left
 * @param lexicalWeight weight of the mean document frequency of the sentence's content words (the
 *     SumBasic centrality: sentences made of the article's recurring words)
 * @param embeddingWeight weight of the sentence embedding's cosine to the document centroid
 * @param positionWeight weight of the position prior
 * @param positionDecay sentences over which the position prior falls by a factor e
 * @param lengthWeight weight of the penalty for a length far from {@code targetWords}
 * @param targetWords the preferred sentence length in words
 * @param redundancyLambda MMR trade-off: 1 ignores redundancy, lower values discount a candidate by
 *     its highest embedding cosine to a sentence already picked
 */
public record SummarizerOptions(
        int maxSentences,
        int maxCandidates,
        int minWords,
        int maxWords,
        double lexicalWeight,
        double embeddingWeight,
        double positionWeight,
        double positionDecay,
        double lengthWeight,
        int targetWords,
        double redundancyLambda) {

    public SummarizerOptions {
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be >= 1, was " + maxSentences);
        }
        if (maxCandidates < maxSentences) {
            throw new IllegalArgumentException(
                    "maxCandidates must be >= maxSentences, was " + maxCandidates);
        }
        if (minWords < 0 || maxWords < minWords) {
            throw new IllegalArgumentException(
                    "need 0 <= minWords <= maxWords, was " + minWords + ", " + maxWords);
        }
        if (lexicalWeight < 0
                || embeddingWeight < 0
                || positionWeight < 0
                || lengthWeight < 0
                || positionDecay <= 0
                || targetWords < 1) {
            throw new IllegalArgumentException(
                    "weights must be >= 0, positionDecay > 0 and targetWords >= 1");
        }
        if (redundancyLambda < 0 || redundancyLambda > 1) {
            throw new IllegalArgumentException(
                    "redundancyLambda must be in [0, 1], was " + redundancyLambda);
        }
    }

    /** Three sentences with the weights tuned on the CNN/DailyMail development articles. */
    public static SummarizerOptions defaults() {
        return new SummarizerOptions(3, 40, 6, 55, 1.5, 0.5, 5.0, 6.0, 1.0, 22, 0.85);
    }
}
