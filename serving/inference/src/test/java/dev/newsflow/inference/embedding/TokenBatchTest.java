package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TokenBatch} and {@link TokenRow}: padding is [PAD] under a zero mask, and removable. */
class TokenBatchTest {

    @Test
    void padsEveryRowToTheLongestWithMaskedZeros() {
        TokenBatch batch =
                TokenBatch.of(
                        List.of(
                                TokenRow.of(new long[] {101, 7, 102}),
                                TokenRow.of(new long[] {101, 102})),
                        1);

        assertThat(batch.rows()).isEqualTo(2);
        assertThat(batch.seq()).isEqualTo(3);
        assertThat(batch.ids()).containsExactly(101, 7, 102, 101, 102, 0);
        assertThat(batch.mask()).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(batch.types()).containsOnly(0L);
    }

    @Test
    void roundsTheSequenceUpToTheMultipleButNeverPastThePositionTable() {
        List<TokenRow> rows = List.of(TokenRow.of(new long[70]));

        assertThat(TokenBatch.of(rows, 64).seq()).isEqualTo(128);
        assertThat(TokenBatch.of(List.of(TokenRow.of(new long[500])), 384).seq()).isEqualTo(512);
    }

    @Test
    void trailingPaddingCanBeDroppedAndCountsForNothing() {
        TokenRow padded =
                new TokenRow(
                        new long[] {101, 7, 102, 0, 0},
                        new long[] {1, 1, 1, 0, 0},
                        new long[] {0, 0, 0, 0, 0});

        TokenRow trimmed = padded.withoutTrailingPadding();

        assertThat(trimmed.ids()).containsExactly(101, 7, 102);
        assertThat(trimmed.realTokens()).isEqualTo(3).isEqualTo(padded.realTokens());
        assertThat(trimmed.withoutTrailingPadding()).isSameAs(trimmed);
    }

    @Test
    void groupsRowsShortestFirstInBatchesOfAtMostTheLimit() {
        // Given rows of lengths 5, 2, 9, 3, 7
        List<TokenRow> rows =
                java.util.stream.IntStream.of(5, 2, 9, 3, 7)
                        .mapToObj(n -> TokenRow.of(new long[n]))
                        .toList();

        // When
        List<int[]> batches = TokenBatch.byLength(rows, 2);

        // Then every row once, similar lengths together
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly(1, 3);
        assertThat(batches.get(1)).containsExactly(0, 4);
        assertThat(batches.get(2)).containsExactly(2);
        assertThat(TokenBatch.select(rows, batches.get(1)))
                .extracting(TokenRow::length)
                .containsExactly(5, 7);
    }
}
