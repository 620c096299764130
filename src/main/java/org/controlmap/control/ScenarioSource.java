package org.controlmap.control;

import java.time.LocalDate;

/** Where a scenario's figures come from: the report, as a citation. Fields may be null except title. */
public record ScenarioSource(String title, String publisher, LocalDate date, String url, String quote) {

    /** "Reuters, 2024-11-20" style short credit for captions and map footers. */
    public String credit() {
        StringBuilder sb = new StringBuilder(publisher != null ? publisher : title);
        if (date != null) {
            sb.append(", ").append(date);
        }
        return sb.toString();
    }
}
