package dev.newsflow.inference.summarization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsAtTerminalPunctuationBeforeACapital() {
        assertThat(
                        splitter.split(
                                "The vote passed. Critics were furious! Will it last? Nobody knows."))
                .containsExactly(
                        "The vote passed.",
                        "Critics were furious!",
                        "Will it last?",
                        "Nobody knows.");
    }

    @Test
    void keepsTitlesInitialsAndAcronymsInsideTheSentence() {
        assertThat(
                        splitter.split(
                                "Mr. Smith met Dr. Jones and Gen. Lee in the U.S. Capitol on Sept."
                                        + " 4. J. K. Rowling was not there."))
                .containsExactly(
                        "Mr. Smith met Dr. Jones and Gen. Lee in the U.S. Capitol on Sept. 4.",
                        "J. K. Rowling was not there.");
    }

    @Test
    void doesNotSplitDecimalsOrBeforeLowerCase() {
        assertThat(splitter.split("It grew 3.7 per cent. e.g. in March it fell. Then it rose."))
                .containsExactly("It grew 3.7 per cent. e.g. in March it fell.", "Then it rose.");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(
                        splitter.split(
                                "He said: ‘We will win.’ The crowd cheered. (It did.) Then rain."))
                .containsExactly(
                        "He said: ‘We will win.’", "The crowd cheered.", "(It did.)", "Then rain.");
    }

    @Test
    void aSentenceMayStartWithAQuoteOrADigit() {
        assertThat(splitter.split("Prices rose. \"Awful,\" she said. 2015 was worse."))
                .containsExactly("Prices rose.", "\"Awful,\" she said.", "2015 was worse.");
    }

    @Test
    void lineBreaksAlwaysEndASentenceAndBlankLinesVanish() {
        assertThat(splitter.split("Headline without a dot\n\nFirst paragraph here.\r\nSecond one"))
                .containsExactly("Headline without a dot", "First paragraph here.", "Second one");
    }

    @Test
    void ellipsesAndRunsOfTerminatorsEndTogether() {
        assertThat(splitter.split("Wait... What?! Yes."))
                .containsExactly("Wait...", "What?!", "Yes.");
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split("  \n ")).isEmpty();
    }

    @Test
    void textWithoutTerminatorIsOneSentence() {
        assertThat(splitter.split("  breaking news from the wire  "))
                .containsExactly("breaking news from the wire");
    }
}
