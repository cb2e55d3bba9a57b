package dev.newsflow.benchmarks.dedup;

import dev.newsflow.benchmarks.dedup.Corpus.Original;
import dev.newsflow.jobs.functions.dedup.DedupText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Labelled pairs of texts for the near-duplicate evaluation. Positives: every original with each
 * {@link Alteration} of it. Negatives: every pair of distinct originals, split into the pairs
 * closest in vocabulary ({@link #SAME_TOPIC}, the top {@value #SAME_TOPIC_PERCENT}% by Jaccard
 * similarity of their word sets) and the rest ({@link #DISTINCT}); and every pair of distinct
 * originals wrapped in the same site's boilerplate ({@link #SAME_SITE}).
 */
record EvaluationSet(List<Pair> pairs) {

    static final String DISTINCT = "distinct articles";
    static final String SAME_TOPIC = "distinct, closest topics";
    static final String SAME_SITE = "distinct, same site furniture";
    static final int SAME_TOPIC_PERCENT = 1;

    /** Is {@code later} a near-duplicate of {@code earlier}? {@code kind} says how they differ. */
    record Pair(String kind, boolean duplicate, String earlier, String later) {}

    static EvaluationSet build(List<Original> originals) {
        List<Pair> pairs = new ArrayList<>();
        for (Alteration alteration : Alteration.values()) {
            for (int i = 0; i < originals.size(); i++) {
                String text = originals.get(i).text();
                pairs.add(new Pair(alteration.name(), true, text, alteration.copyOf(text, i)));
            }
        }
        pairs.addAll(distinctPairs(originals));
        List<String> sameSite = new ArrayList<>();
        for (Original original : originals) {
            sameSite.add(Alteration.BOILERPLATE.copyOf(original.text(), 0));
        }
        for (int i = 0; i < sameSite.size(); i++) {
            for (int j = i + 1; j < sameSite.size(); j++) {
                pairs.add(new Pair(SAME_SITE, false, sameSite.get(i), sameSite.get(j)));
            }
        }
        return new EvaluationSet(List.copyOf(pairs));
    }

    private static List<Pair> distinctPairs(List<Original> originals) {
        List<Set<String>> vocabularies = new ArrayList<>();
        for (Original original : originals) {
            vocabularies.add(new HashSet<>(DedupText.words(DedupText.normalize(original.text()))));
        }
        record Scored(int i, int j, double overlap) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                scored.add(new Scored(i, j, jaccard(vocabularies.get(i), vocabularies.get(j))));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::overlap).reversed());
        int sameTopic = Math.max(1, scored.size() * SAME_TOPIC_PERCENT / 100);
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; k < scored.size(); k++) {
            Scored s = scored.get(k);
            pairs.add(
                    new Pair(
                            k < sameTopic ? SAME_TOPIC : DISTINCT,
                            false,
                            originals.get(s.i()).text(),
                            originals.get(s.j()).text()));
        }
        return pairs;
    }

    static <T> double jaccard(Set<T> a, Set<T> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (T x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** Every distinct text of the set (by identity), for computing signatures once. */
    List<String> texts() {
        Set<String> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> texts = new ArrayList<>();
        for (Pair p : pairs) {
            if (seen.add(p.earlier())) {
                texts.add(p.earlier());
            }
            if (seen.add(p.later())) {
                texts.add(p.later());
            }
        }
        return texts;
    }
}
