package org.controlmap.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One column of a {@link Table}: how a row is written for machines (CSV,
 * JSON, GIS attributes) and for readers (Markdown, HTML).
 *
 * @param key     machine name: CSV header, JSON field, GIS attribute
 * @param header  reader's header (Markdown, HTML); null for a column only machines get
 * @param numeric whether values are numbers (right-aligned for readers, a REAL column in GIS files)
 * @param sparse  JSON leaves the field out of a row where the value is null, instead of writing null
 * @param value   a row's machine value: a String, a BigDecimal written as it stands (its scale fixes the
 *                decimals), or null for an empty CSV cell, a JSON null and a GIS NULL
 * @param text    a row's text for readers; unused when {@code header} is null
 * @param <R> the row type
 */
public record Column<R>(String key, String header, boolean numeric, boolean sparse, Function<R, Object> value,
        Function<R, String> text) {

    /** A text column, written the same for machines and readers. */
    public static <R> Column<R> text(String key, String header, Function<R, String> value) {
        return new Column<>(key, header, false, false, value::apply, value);
    }

    /**
     * A number column: machines get {@code decimals} decimals (half up; empty for NaN), readers the
     * {@code text} given.
     */
    public static <R> Column<R> number(String key, String header, int decimals, ToDoubleFunction<R> value,
            Function<R, String> text) {
        return new Column<>(key, header, true, false, r -> fixed(value.applyAsDouble(r), decimals), text);
    }

    /** A number column as {@link #number} whose text for readers is grouped with {@code shown} decimals. */
    public static <R> Column<R> number(String key, String header, int decimals, ToDoubleFunction<R> value,
            int shown) {
        return number(key, header, decimals, value, r -> grouped(value.applyAsDouble(r), shown));
    }

    /** The same column left out of JSON rows where it is null. */
    public Column<R> omittedWhenNull() {
        return new Column<>(key, header, numeric, true, value, text);
    }

    /** {@code v} to {@code decimals} places, half up, as machines get it; null for NaN. */
    public static BigDecimal fixed(double v, int decimals) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }

    /**
     * {@code v} with thousands separators and exactly {@code decimals} places (so a column's decimals line up),
     * '.' as decimal mark in every locale, half up; "" for NaN.
     */
    public static String grouped(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }
}
