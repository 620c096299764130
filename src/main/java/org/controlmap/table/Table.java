package org.controlmap.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as every command writes it, in any {@link TableFormat}: rows
 * described by {@link Column}s, a caption and notes for readers, and what the
 * figures are for machines.
 *
 * @param caption caption for readers (Markdown, HTML): what, when, source, basis
 * @param about   fields a JSON file starts with, in order (title, date, source, basis, …): Strings,
 *                BigDecimals, nulls, or maps of them for a nested object
 * @param columns the columns, in order
 * @param rows    the rows, in order
 * @param total   the row that sums the others, set apart for readers (bold in Markdown, the footer in
 *                HTML); null when there is none. It is also in {@code rows}, last.
 * @param notes   sentences a reader needs to cite the table correctly (after the table in Markdown and
 *                HTML, a "notes" array in JSON when there are any)
 * @param kind    what the table is, short ("areas", "series", "changes"), naming its HTML class
 * @param readerOrder keys of the columns readers see, in their order; empty for every column with a
 *                {@link Column#header()}, in column order
 * @param <R> the row type
 */
public record Table<R>(String caption, Map<String, Object> about, List<Column<R>> columns, List<R> rows, R total,
        List<String> notes, String kind, List<String> readerOrder) {

    /** A table whose readers see the columns with a header, in column order. */
    public Table(String caption, Map<String, Object> about, List<Column<R>> columns, List<R> rows, R total,
            List<String> notes, String kind) {
        this(caption, about, columns, rows, total, notes, kind, List.of());
    }

    public Table {
        readerOrder = List.copyOf(readerOrder);
        about = Collections.unmodifiableMap(new LinkedHashMap<>(about));
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        if (total != null && (rows.isEmpty() || rows.get(rows.size() - 1) != total)) {
            throw new IllegalArgumentException("the total row must be the last row");
        }
    }

    /** The columns readers see (Markdown, HTML), in their order. */
    public List<Column<R>> readerColumns() {
        if (readerOrder.isEmpty()) {
            return columns.stream().filter(c -> c.header() != null).toList();
        }
        return readerOrder.stream().map(k -> columns.stream().filter(c -> c.key().equals(k) && c.header() != null)
                .findFirst().orElse(null)).filter(java.util.Objects::nonNull).toList();
    }

    /** The machine names of the columns, in order (the CSV header). */
    public List<String> keys() {
        return columns.stream().map(Column::key).toList();
    }

    /** One row's machine values by column name, in column order (GIS attributes). */
    public Map<String, Object> values(R row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            m.put(c.key(), c.value().apply(row));
        }
        return Collections.unmodifiableMap(m);
    }
}
