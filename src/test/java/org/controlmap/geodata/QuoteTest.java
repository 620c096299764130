package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {
    @Test
    void shortTextStaysAsItIsOnOneLine() {
        assertThat(Quote.cut("Zaporizhzhia")).isEqualTo("Zaporizhzhia");
        assertThat(Quote.cut("  two\n\tlines  ")).isEqualTo("two lines");
        assertThat(Quote.cut(null)).isEqualTo("null");
    }

    @Test
    void longTextIsCutAtEightyCharactersWithItsLength() {
        String big = "x".repeat(10_000_000);
        String cut = Quote.cut(big);
        assertThat(cut).startsWith("x".repeat(Quote.MAX) + "…").endsWith("(10000000 characters)");
        assertThat(cut.length()).isLessThan(Quote.MAX + 30);
        assertThat(Quote.cut("y".repeat(Quote.MAX))).isEqualTo("y".repeat(Quote.MAX));
        assertThat(Quote.cut("y".repeat(Quote.MAX + 1))).contains("…");
    }

    @Test
    void aSurrogatePairIsNotSplit() {
        String s = "a".repeat(Quote.MAX - 1) + "\uD83D\uDE00" + "tail";
        assertThat(Quote.cut(s)).startsWith("a".repeat(Quote.MAX - 1) + "…");
    }

    @Test
    void aLibrarysMessageIsOneLineAndCutLonger() {
        assertThat(Quote.reason(null)).isEmpty();
        assertThat(Quote.reason("ParseError at [row,col]:[5,1]\nMessage: unexpected")).isEqualTo(
                "ParseError at [row,col]:[5,1] Message: unexpected");
        String said = "Unexpected character: " + "z".repeat(10_000_000);
        assertThat(Quote.reason(said)).startsWith("Unexpected character: z").endsWith("… (10000022 characters)")
                .hasSizeLessThan(Quote.REASON_MAX + 30);
    }
}
