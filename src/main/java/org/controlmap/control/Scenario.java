package org.controlmap.control;

import java.time.LocalDate;
import java.util.List;

/**
 * What a report says about who holds what, as of a date: per-region statements
 * and headline totals, each with the quote it comes from.
 *
 * @param file       where it was read from (for messages and captions)
 * @param date       the date the figures describe
 * @param source     the report
 * @param statements per-region figures (a group statement listed once, with all its regions)
 * @param totals     headline totals over Ukraine (checked by {@code check}, not allocated)
 */
public record Scenario(String file, LocalDate date, ScenarioSource source, List<ControlStatement> statements,
        List<ControlStatement> totals) {
}
