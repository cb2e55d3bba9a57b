package dev.newsflow.benchmarks.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The ways a syndicated or lightly edited copy differs from its original, each a deterministic
 * function of the text and the article's index (which picks the site template and the shuffle). The
 * headline is not part of the text the job compares, so an edited headline is not modelled; its
 * edited first sentence is.
 */
enum Alteration {
    BOILERPLATE {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return Boilerplate.around(paragraphs, index);
        }
    },
    LEAD_EDIT {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return editLead(paragraphs);
        }
    },
    COPY_EDITS {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return copyEdits(paragraphs);
        }
    },
    TRUNCATE_70 {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return truncate(paragraphs, 0.7);
        }
    },
    TRUNCATE_50 {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return truncate(paragraphs, 0.5);
        }
    },
    REORDER {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return reorder(paragraphs, index);
        }
    },
    BOILERPLATE_LEAD_TRUNCATE_70 {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return Boilerplate.around(editLead(truncate(paragraphs, 0.7)), index);
        }
    },
    BOILERPLATE_REORDER_COPY_EDITS {
        @Override
        List<String> apply(List<String> paragraphs, int index) {
            return Boilerplate.around(copyEdits(reorder(paragraphs, index)), index);
        }
    };

    /** Words put in place of every {@link #EDIT_EVERY}th word by {@link #COPY_EDITS}. */
    private static final List<String> SUBSTITUTES =
            List.of("also", "reportedly", "now", "major", "local", "new", "still");

    static final int EDIT_EVERY = 20;

    abstract List<String> apply(List<String> paragraphs, int index);

    /** The altered copy of {@code text} as one string, paragraphs separated by blank lines. */
    String copyOf(String text, int index) {
        return Paragraphs.join(apply(Paragraphs.of(text), index));
    }

    /** The first sentence rewritten: an attribution put in front, every third word dropped. */
    static List<String> editLead(List<String> paragraphs) {
        List<String> out = new ArrayList<>(paragraphs);
        List<String> sentences = Paragraphs.sentences(out.get(0));
        String[] words = sentences.get(0).split("\\s+");
        StringBuilder lead = new StringBuilder("Officials confirmed on Tuesday that");
        for (int i = 0; i < words.length; i++) {
            if (i % 3 != 2) {
                lead.append(' ').append(words[i]);
            }
        }
        sentences.set(0, lead.toString());
        out.set(0, String.join(" ", sentences));
        return out;
    }

    /** Every {@link #EDIT_EVERY}th word replaced, as a copy editor's light touch would. */
    static List<String> copyEdits(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        int position = 0;
        for (String paragraph : paragraphs) {
            String[] words = paragraph.split(" ");
            for (int i = 0; i < words.length; i++, position++) {
                if (position % EDIT_EVERY == EDIT_EVERY / 2) {
                    words[i] = SUBSTITUTES.get((position / EDIT_EVERY) % SUBSTITUTES.size());
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** The leading sentences that make up at least {@code fraction} of the words. */
    static List<String> truncate(List<String> paragraphs, double fraction) {
        List<String> sentences = new ArrayList<>();
        paragraphs.forEach(p -> sentences.addAll(Paragraphs.sentences(p)));
        int total = sentences.stream().mapToInt(Alteration::wordCount).sum();
        List<String> kept = new ArrayList<>();
        int words = 0;
        for (String sentence : sentences) {
            if (words >= fraction * total) {
                break;
            }
            kept.add(sentence);
            words += wordCount(sentence);
        }
        return List.of(String.join(" ", kept));
    }

    /** The paragraphs shuffled (never left in their order when there are two or more). */
    static List<String> reorder(List<String> paragraphs, int index) {
        List<String> out = new ArrayList<>(paragraphs);
        Collections.shuffle(out, new Random(index));
        if (out.equals(paragraphs)) {
            Collections.rotate(out, 1);
        }
        return out;
    }

    private static int wordCount(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
