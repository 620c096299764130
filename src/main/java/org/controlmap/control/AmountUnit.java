package org.controlmap.control;

/** Unit of a statement's figure: percent of the region (or of Ukraine, for a total) or km². */
public enum AmountUnit {
    PERCENT("pct"),
    KM2("km2");

    private final String label;

    AmountUnit(String label) {
        this.label = label;
    }

    /** "pct" or "km2", as in JSON output. */
    public String label() {
        return label;
    }
}
