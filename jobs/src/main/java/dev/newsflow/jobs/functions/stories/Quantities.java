package dev.newsflow.jobs.functions.stories;

import java.util.List;
import java.util.Set;

/** Numbers that say something on their own: with a unit or a currency ("$20 billion", "30%"). */
final class Quantities {

    private static final Set<String> UNITS =
            Set.of(
                    """
                    percent million billion trillion km kilometres kilometers miles mph kg tonnes \
                    tons metres meters feet degrees magnitude points dead killed injured"""
                            .split(" "));

    private Quantities() {}

    /**
     * The quantity starting at the number {@code tokens[i]}, lower case ("30%", "$20 billion", "6
     * km", "2%" for "2 per cent"), or {@code null} for a bare number such as a year.
     */
    static String at(List<Token> tokens, int i) {
        String number = tokens.get(i).lower();
        Token next = i + 1 < tokens.size() && tokens.get(i + 1).joined() ? tokens.get(i + 1) : null;
        if (number.endsWith("%")) {
            return number;
        }
        if (next != null && UNITS.contains(next.lower())) {
            return number + " " + next.lower();
        }
        if (next != null
                && next.lower().equals("per")
                && i + 2 < tokens.size()
                && tokens.get(i + 2).lower().equals("cent")) {
            return number + "%";
        }
        char first = number.charAt(0);
        return first == '$' || first == '€' || first == '£' ? number : null;
    }
}
