package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {

    @Test
    void recognisesDateAndTimestampLines() {
        assertThat(Boilerplate.dateLine("November 18, 2019")).isTrue();
        assertThat(Boilerplate.dateLine("Published: Mon, 18 Nov 2019 10:45 AM EST")).isTrue();
        assertThat(Boilerplate.dateLine("sexta-feira, 22 de outubro de 2010 às 20:13")).isTrue();
        assertThat(Boilerplate.dateLine("21:17 18.11.2019")).isTrue();
        assertThat(Boilerplate.dateLine("In 2019 the council met 12 times.")).isFalse();
        assertThat(Boilerplate.dateLine("The vote was 29 to 14.")).isFalse();
    }

    @Test
    void recognisesBoilerplateLinesButNotProseStartingAlike() {
        assertThat(Boilerplate.boilerplateLine("READ MORE: Ferry fares frozen")).isTrue();
        assertThat(Boilerplate.boilerplateLine("Advertisement")).isTrue();
        assertThat(Boilerplate.boilerplateLine("Sign up for our newsletter")).isTrue();
        assertThat(Boilerplate.boilerplateLine("Readers said the closure was overdue.")).isFalse();
        assertThat(Boilerplate.boilerplateLine("Closed roads reopen on Monday.")).isFalse();
    }

    @Test
    void recognisesLabelledLinkLinesOnlyWhenMostlyLinks() {
        assertThat(Boilerplate.labelledLinks("Tags: Ferries, Port", 0.7)).isTrue();
        assertThat(Boilerplate.labelledLinks("Filed under: Politics", 0.6)).isTrue();
        assertThat(Boilerplate.labelledLinks("He said: we will build it.", 0.0)).isFalse();
    }
}
