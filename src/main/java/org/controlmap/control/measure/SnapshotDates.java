package org.controlmap.control.measure;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.InputException;
import org.controlmap.geodata.Quote;

/**
 * The date a control snapshot describes: from its file name (YYYYMMDD or
 * YYYY-MM-DD, as in {@code deepstatemap_data_20241120.geojson}), from a
 * feature's {@code date} property (series: one snapshot per date), or from the
 * file's own properties ({@link #fromProperties}).
 */
public final class SnapshotDates {
    // Eight digits, or 4-2-2 with hyphens, not part of a longer run of digits.
    private static final Pattern IN_NAME = Pattern.compile("(?<!\\d)(\\d{4})(-?)(\\d{2})\\2(\\d{2})(?!\\d)");
    private static final Pattern PROPERTY = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})([T ].*)?");

    /**
     * Properties that may carry a snapshot's date, most telling first: a stated
     * date before a time of last edit.
     */
    public static final List<String> PROPERTY_NAMES = List.of("date", "as_of", "datetime", "timestamp", "updated",
            "updated_at");

    /**
     * Numbers are read as epoch milliseconds only between 2000-01-01 and
     * 2100-01-01 (UTC): no epoch-seconds value (at most 4.1e9 in that span)
     * and no YYYYMMDD number falls there, so neither is misread.
     */
    private static final long MIN_EPOCH_MS = 946_684_800_000L;
    private static final long MAX_EPOCH_MS = 4_102_444_800_000L;

    private SnapshotDates() {
    }

    /**
     * The date a file's properties give, when its name gives none.
     *
     * @param date    the date, or null when no property names one
     * @param warning one line when the features disagree (the latest of their dates is taken), else null
     */
    public record FromProperties(LocalDate date, String warning) {
    }

    /**
     * The date a GeoJSON document gives itself: the first of {@link #PROPERTY_NAMES} among the top-level
     * object's own members, else among its {@code properties}, else a date in its {@code name} member (as
     * in a file name), else among each feature's properties. When
     * features carry different dates the latest is taken, with a warning: an edit time per feature
     * ({@code updated}) is normal, and the file then shows the state as of its newest edit. A value that
     * is not a date is an {@link InputException}.
     *
     * @param name names the file in messages
     */
    public static FromProperties fromProperties(GeoJsonReader.Document doc, String name) {
        LocalDate top = first(doc.members(), name + ": top level");
        if (top == null) {
            top = first(doc.properties(), name + ": top-level properties");
        }
        if (top == null && doc.members().get("name") instanceof String layer) {
            // GDAL writes the layer name there: a renamed deepstatemap_data_20241120.geojson keeps it.
            try {
                top = fromFileName(layer).orElse(null);
            } catch (InputException e) {
                // several dates in it: no telling which, so none
            }
        }
        if (top != null) {
            return new FromProperties(top, null);
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (GeoFeature f : doc.features()) {
            LocalDate d = first(f.properties(), name + ": feature " + f.index());
            if (d != null) {
                dates.add(d);
            }
        }
        if (dates.isEmpty()) {
            return new FromProperties(null, null);
        }
        String warning = dates.size() == 1 ? null : name + ": features carry " + dates.size() + " different dates, "
                + dates.first() + " to " + dates.last() + "; dated " + dates.last()
                + ", the latest";
        return new FromProperties(dates.last(), warning);
    }

    /** The first of {@link #PROPERTY_NAMES} present (not null) in {@code props}, read as a date; else null. */
    private static LocalDate first(Map<String, Object> props, String where) {
        for (String key : PROPERTY_NAMES) {
            Object v = props.get(key);
            if (v != null) {
                return fromProperty(key, v, where);
            }
        }
        return null;
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
        return fromProperty("date", value, where);
    }

    /**
     * A date property's value (see {@link #PROPERTY_NAMES}): "2024-11-20", "20241120", a timestamp starting
     * with the date ("2024-11-20T18:00:00+02:00": the date as written, the time ignored), or a whole number
     * of epoch milliseconds (2000 to 2099; the UTC date).
     *
     * @param key   the property's name, for the message
     * @param where names the file and feature for the message ("a.geojson: feature 3")
     */
    public static LocalDate fromProperty(String key, Object value, String where) {
        if (value instanceof Number n && !(n instanceof Double || n instanceof Float)) {
            long ms = n.longValue();
            if (n.toString().equals(Long.toString(ms)) && ms >= MIN_EPOCH_MS && ms < MAX_EPOCH_MS) {
                return Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
            }
        }
        if (!(value instanceof String || value instanceof Number)) {
            throw new InputException(where + ": " + key + " " + value + " is not a date; write YYYY-MM-DD");
        }
        String s = value.toString().trim();
        Matcher m = PROPERTY.matcher(s);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new InputException(where + ": " + key + " \"" + Quote.cut(s) + "\" is not a calendar date ("
                        + e.getMessage() + ")");
            }
        }
        throw new InputException(where + ": " + key + " \"" + Quote.cut(s) + "\" is not a date; write YYYY-MM-DD"
                + (value instanceof Number ? " (numbers are read as epoch milliseconds, 2000 to 2099)" : ""));
    }
}
