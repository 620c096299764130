package org.controlmap.control.measure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.geodata.InputException;

/**
 * The date a control snapshot describes: from a feature's {@code date}
 * property, else from the file name (YYYYMMDD or YYYY-MM-DD, as in
 * {@code deepstatemap_data_20241120.geojson}).
 */
public final class SnapshotDates {
    // Eight digits, or 4-2-2 with hyphens, not part of a longer run of digits.
    private static final Pattern IN_NAME = Pattern.compile("(?<!\\d)(\\d{4})(-?)(\\d{2})\\2(\\d{2})(?!\\d)");
    private static final Pattern PROPERTY = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})([T ].*)?");

    private SnapshotDates() {
    }

    /**
     * The date in a file name (directories are not looked at). Digit runs that
     * are not a real calendar date ("20241399") are ignored; two different dates
     * in one name are an error, since either could be meant.
     */
    public static Optional<LocalDate> fromFileName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        Set<LocalDate> found = new LinkedHashSet<>();
        Matcher m = IN_NAME.matcher(base);
        while (m.find()) {
            try {
                found.add(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4))));
            } catch (DateTimeException e) {
                // not a date, just digits
            }
        }
        if (found.size() > 1) {
            throw new InputException(fileName + ": the file name holds several dates " + found
                    + "; give each feature a \"date\" property or rename the file");
        }
        return found.stream().findFirst();
    }

    /**
     * A {@code date} property value: "2024-11-20", "20241120", or a timestamp
     * starting with the date ("2024-11-20T00:00:00Z"; the time is ignored).
     *
     * @param where names the file and feature for the message ("a.geojson: feature 3")
     */
    public static LocalDate fromProperty(Object value, String where) {
        String s = value.toString().trim();
        Matcher m = PROPERTY.matcher(s);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new InputException(where + ": date \"" + s + "\" is not a calendar date (" + e.getMessage()
                        + ")");
            }
        }
        throw new InputException(where + ": date \"" + s + "\" is not a date; write YYYY-MM-DD");
    }
}
