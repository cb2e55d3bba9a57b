package dev.newsflow.benchmarks.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Site furniture that extraction lets through on some pages: the header and footer paragraphs of
 * three made-up sites (newsletter prompts, navigation, "Read more", syndication notes, copyright).
 */
final class Boilerplate {

    private static final List<List<String>> HEADERS =
            List.of(
                    List.of(
                            "Subscribe to The Daily Courier newsletter for the morning briefing."
                                    + " Sign up now and get the top stories in your inbox every"
                                    + " day."),
                    List.of(
                            "Advertisement",
                            "Skip to main content. Home News World Business Opinion Culture"
                                    + " Sport Travel"),
                    List.of("Listen to this article. 5 min read. Updated 2 hours ago."));

    private static final List<List<String>> FOOTERS =
            List.of(
                    List.of(
                            "Read more: Latest headlines | Politics | Business | Sport | Weather",
                            "Copyright 2025 The Daily Courier Ltd. All rights reserved."
                                    + " Reproduction without permission is prohibited.",
                            "Share this article on Facebook, X and WhatsApp."),
                    List.of(
                            "This article was originally published by a partner news agency and"
                                    + " has been updated with additional reporting.",
                            "Follow us on social media for breaking news alerts and live"
                                    + " coverage."),
                    List.of(
                            "Support independent journalism. Become a member today for unlimited"
                                    + " access to every story, podcast and newsletter.",
                            "Related: the stories our readers are talking about this week.",
                            "© 2025 Metro Herald Group"));

    static final int SITES = HEADERS.size();

    private Boilerplate() {}

    /** The paragraphs with site {@code site}'s header before and footer after them. */
    static List<String> around(List<String> paragraphs, int site) {
        List<String> page = new ArrayList<>(HEADERS.get(site % SITES));
        page.addAll(paragraphs);
        page.addAll(FOOTERS.get(site % SITES));
        return page;
    }
}
