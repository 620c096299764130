package org.controlmap.control.claims;

/** Whether a claim holds for the values it was checked against. */
public enum ClaimStatus {
    /** The value lies in the claim's interval. */
    MET("met"),
    /** The value lies outside the claim's interval: a finding, not an error. */
    NOT_MET("not-met"),
    /**
     * No value: the control polygons do not describe the side the claim is
     * about (DeepStateMap draws Russian-held Ukraine, so "Ukraine holds 650 km²
     * of Kursk" cannot be measured from it).
     */
    UNMEASURED("unmeasured");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    /** "met", "not-met" or "unmeasured", as in JSON output. */
    public String label() {
        return label;
    }
}
