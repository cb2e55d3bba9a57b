package dev.newsflow.benchmarks.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlterationTest {

    static final String ONE_LINE =
            "The council approved the budget on Monday. Spending on roads rises by a tenth."
                    + " \"We had no choice,\" the mayor said. Schools get two new buildings."
                    + " Libraries keep their hours. Parking fees go up in April. The vote was"
                    + " close.";

    static final String PARAGRAPHS =
            "First paragraph of the story, with its lead.\n\nSecond paragraph with details."
                    + "\n\nThird paragraph quoting a witness.\n\nFourth paragraph, the"
                    + " background.";

    @Test
    void aOneLineTextIsCutIntoParagraphsOfThreeSentences() {
        assertThat(Paragraphs.of(ONE_LINE))
                .containsExactly(
                        "The council approved the budget on Monday. Spending on roads rises by a"
                                + " tenth. \"We had no choice,\" the mayor said.",
                        "Schools get two new buildings. Libraries keep their hours. Parking fees"
                                + " go up in April.",
                        "The vote was close.");
        assertThat(Paragraphs.of(PARAGRAPHS)).hasSize(4);
    }

    @Test
    void boilerplateWrapsTheTextInASitesHeaderAndFooter() {
        String copy = Alteration.BOILERPLATE.copyOf(PARAGRAPHS, 0);

        assertThat(copy).startsWith("Subscribe to The Daily Courier").contains(PARAGRAPHS);
        assertThat(copy).endsWith("Share this article on Facebook, X and WhatsApp.");
        assertThat(Alteration.BOILERPLATE.copyOf(PARAGRAPHS, 1)).startsWith("Advertisement");
    }

    @Test
    void aLeadEditRewritesOnlyTheFirstSentence() {
        String copy = Alteration.LEAD_EDIT.copyOf(ONE_LINE, 0);

        assertThat(copy)
                .startsWith("Officials confirmed on Tuesday that The council the budget Monday.")
                .endsWith(
                        "Spending on roads rises by a tenth. \"We had no choice,\" the mayor said."
                                + "\n\n"
                                + Paragraphs.of(ONE_LINE).get(1)
                                + "\n\nThe vote was close.");
    }

    @Test
    void copyEditsReplaceEveryTwentiethWord() {
        String copy = Alteration.COPY_EDITS.copyOf(ONE_LINE, 0);

        List<String> before = Arrays.asList(Paragraphs.join(Paragraphs.of(ONE_LINE)).split("\\s+"));
        List<String> after = Arrays.asList(copy.split("\\s+"));
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
                assertThat(i % Alteration.EDIT_EVERY).isEqualTo(Alteration.EDIT_EVERY / 2);
            }
        }
        assertThat(changed).isEqualTo(2);
    }

    @Test
    void truncationKeepsLeadingSentencesUpToTheFraction() {
        String half = Alteration.TRUNCATE_50.copyOf(ONE_LINE, 0);

        // 40 words; the first three sentences (21 words) are the first to reach half of them
        assertThat(half)
                .isEqualTo(
                        "The council approved the budget on Monday. Spending on roads rises by a"
                                + " tenth. \"We had no choice,\" the mayor said.");
        assertThat(Alteration.TRUNCATE_70.copyOf(ONE_LINE, 0).length())
                .isGreaterThan(half.length())
                .isLessThan(ONE_LINE.length());
    }

    @Test
    void reorderingShufflesTheParagraphsDeterministically() {
        String copy = Alteration.REORDER.copyOf(PARAGRAPHS, 3);

        assertThat(copy)
                .isNotEqualTo(PARAGRAPHS)
                .isEqualTo(Alteration.REORDER.copyOf(PARAGRAPHS, 3));
        assertThat(Paragraphs.of(copy))
                .containsExactlyInAnyOrderElementsOf(Paragraphs.of(PARAGRAPHS));
    }
}
