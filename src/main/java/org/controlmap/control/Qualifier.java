package org.controlmap.control;

import java.util.Locale;

/**
 * How a report qualifies a figure. The table uses the figure itself
 * ("more than 70%" → 70%) and says so; {@code check} turns each into an interval.
 */
public enum Qualifier {
    EXACT("exact"),
    ABOUT("about"),
    MORE_THAN("more-than"),
    LESS_THAN("less-than"),
    /** A small unquantified part ("a sliver of Mykolaiv"): (0, 1%] of the region. */
    SLIVER("sliver"),
    /** The whole region ("all of Crimea"): 100%, at least 99% when checked. */
    ALL("all");

    private final String label;

    Qualifier(String label) {
        this.label = label;
    }

    /** The word used in scenario files ("more-than"). */
    public String label() {
        return label;
    }

    /** Parses the file word ("more-than", "more_than", "More than"); null when unknown. */
    public static Qualifier parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Qualifier q : values()) {
            if (q.label.equals(k)) {
                return q;
            }
        }
        return null;
    }
}
