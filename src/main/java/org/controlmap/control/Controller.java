package org.controlmap.control;

import java.util.Locale;

/** Who holds territory: Russia or Ukraine (ISO 3166-1 alpha-2 codes, as in scenario files). */
public enum Controller {
    RU("Russia"),
    UA("Ukraine");

    private final String countryName;

    Controller(String countryName) {
        this.countryName = countryName;
    }

    public String countryName() {
        return countryName;
    }

    /** Parses "RU"/"UA" (any case, also "Russia"/"Ukraine"); null when neither. */
    public static Controller parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "RU", "RUS", "RUSSIA" -> RU;
            case "UA", "UKR", "UKRAINE" -> UA;
            default -> null;
        };
    }
}
