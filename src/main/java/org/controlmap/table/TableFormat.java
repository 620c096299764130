package org.controlmap.table;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.controlmap.InputException;
import org.controlmap.io.FileKind;

/**
 * The one writer of every command's tables ({@link Table}): CSV and JSON for
 * machines, Markdown and HTML for pasting into a report. Machines get each
 * column's value ({@link Column#value()}: fixed decimals, '.' as decimal
 * mark, fixed column order); readers get its text ({@link Column#text()}:
 * thousands separators, fewer decimals), a caption before the table and the
 * notes after it. Every format is UTF-8 with '\n' line ends on every
 * platform: same table, same bytes.
 */
public enum TableFormat implements FileKind {
    CSV("csv"),
    MD("md", "markdown"),
    JSON("json"),
    HTML("html", "htm");

    private final List<String> extensions;

    TableFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    /**
     * The format of a table output: {@code given} (--format) when set, else by the file's extension among
     * {@code accepted}, else CSV when there is no file (stdout).
     *
     * @throws InputException when the extension is none of {@code accepted}'s
     */
    public static TableFormat choose(TableFormat given, Path file, TableFormat... accepted) {
        if (given != null) {
            return given;
        }
        if (file == null) {
            return CSV;
        }
        TableFormat f = FileKind.of(file, accepted);
        if (f == null) {
            throw new InputException(file + ": unknown table format; use " + FileKind.choices(accepted)
                    + ", or --format");
        }
        return f;
    }

    /** Writes the km² table ({@link AreaColumns}). */
    public void write(AreaTable table, OutputStream out) throws IOException {
        write(AreaColumns.table(table), out);
    }

    /** Writes the table as UTF-8 bytes; the stream is flushed, not closed. */
    public <R> void write(Table<R> table, OutputStream out) throws IOException {
        switch (this) {
            case CSV -> writeCsv(table, out);
            case JSON -> writeJson(table, out);
            case MD -> writeText(out, markdown(table));
            case HTML -> writeText(out, html(table));
            default -> throw new IllegalStateException();
        }
    }

    private static void writeText(OutputStream out, String text) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text);
        w.flush();
    }

    private static <R> void writeCsv(Table<R> t, OutputStream out) throws IOException {
        CsvSchema.Builder sb = CsvSchema.builder();
        t.keys().forEach(sb::addColumn);
        CsvSchema schema = sb.build().withHeader().withLineSeparator("\n");
        try (CsvGenerator g = new CsvFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Quote only fields that need it (commas, quotes, line breaks), as RFC 4180 readers expect.
            g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
            g.setSchema(schema);
            for (R r : t.rows()) {
                g.writeStartArray();
                for (Column<R> c : t.columns()) {
                    Object v = c.value().apply(r);
                    g.writeString(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
                }
                g.writeEndArray();
            }
            g.flush();
        }
    }

    private static <R> void writeJson(Table<R> t, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Jackson's default indenter ends lines with the platform's separator: '\n' everywhere instead.
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(
                    DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
            g.writeStartObject();
            for (Map.Entry<String, Object> e : t.about().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeArrayFieldStart("rows");
            for (R r : t.rows()) {
                g.writeStartObject();
                for (Column<R> c : t.columns()) {
                    Object v = c.value().apply(r);
                    if (v == null && c.sparse()) {
                        continue;
                    }
                    g.writeFieldName(c.key());
                    value(g, v);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!t.notes().isEmpty()) {
                g.writeArrayFieldStart("notes");
                for (String n : t.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    /** The columns readers see, in their order ({@link Table#readerOrder()}). */
    private static <R> List<Column<R>> shown(Table<R> t) {
        return t.readerColumns();
    }

    private static <R> String markdown(Table<R> t) {
        StringBuilder w = new StringBuilder();
        w.append("**").append(md(t.caption())).append("**\n\n");
        List<Column<R>> cols = shown(t);
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column<R> c : cols) {
            head.append(' ').append(md(c.header())).append(" |");
            rule.append(c.numeric() ? " ---: |" : " --- |");
        }
        w.append(head).append('\n').append(rule).append('\n');
        for (R r : t.rows()) {
            StringBuilder line = new StringBuilder("|");
            for (Column<R> c : cols) {
                String v = md(c.text().apply(r));
                line.append(' ').append(r == t.total() && !v.isEmpty() ? "**" + v + "**" : v).append(" |");
            }
            w.append(line).append('\n');
        }
        w.append('\n');
        for (String n : t.notes()) {
            w.append("- ").append(md(n)).append('\n');
        }
        return w.toString();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static <R> String html(Table<R> t) {
        StringBuilder w = new StringBuilder();
        List<Column<R>> cols = shown(t);
        w.append("<table class=\"controlmap-").append(html(t.kind())).append("\">\n");
        w.append("<caption>").append(html(t.caption())).append("</caption>\n<thead>\n<tr>");
        for (Column<R> c : cols) {
            w.append("<th scope=\"col\"").append(c.numeric() ? " style=\"text-align:right\"" : "").append('>')
                    .append(html(c.header())).append("</th>");
        }
        w.append("</tr>\n</thead>\n<tbody>\n");
        for (R r : t.rows()) {
            if (r != t.total()) {
                htmlRow(w, t, cols, r, "td");
            }
        }
        w.append("</tbody>\n");
        if (t.total() != null) {
            w.append("<tfoot>\n");
            htmlRow(w, t, cols, t.total(), "th");
            w.append("</tfoot>\n");
        }
        w.append("</table>\n<ul class=\"controlmap-notes\">\n");
        for (String n : t.notes()) {
            w.append("<li>").append(html(n)).append("</li>\n");
        }
        w.append("</ul>\n");
        return w.toString();
    }

    private static <R> Object iso(R r, Table<R> t) {
        for (Column<R> c : t.columns()) {
            if (c.key().equals("iso_3166_2")) {
                return c.value().apply(r);
            }
        }
        return null;
    }

    private static <R> void htmlRow(StringBuilder w, Table<R> t, List<Column<R>> cols, R r, String cell) {
        // Rows of regions carry their code, so a page's script can find a region's row.
        Object iso = iso(r, t);
        w.append(iso == null ? "<tr>" : "<tr data-iso=\"" + html(iso.toString()) + "\">");
        for (int i = 0; i < cols.size(); i++) {
            Column<R> c = cols.get(i);
            String tag = i == 0 ? "th scope=\"row\"" : cell;
            String end = i == 0 ? "th" : cell;
            w.append('<').append(tag).append(c.numeric() ? " style=\"text-align:right\"" : "").append('>')
                    .append(html(c.text().apply(r))).append("</").append(end).append('>');
        }
        w.append("</tr>\n");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
