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
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formats an {@link AreaTable} is written in. CSV and JSON are for
 * machines: km² to three decimals, percentages to two, '.' as decimal mark,
 * fixed column order. Markdown and HTML are for pasting into a report: a
 * caption with source, date and basis, thousands separators, numbers
 * right-aligned, whole km² and one-decimal percentages.
 */
public enum TableFormat {
    CSV("csv"),
    MD("md"),
    JSON("json"),
    HTML("html");

    /** Columns of the machine formats, in order. */
    public static final List<String> COLUMNS = List.of("iso_3166_2", "name", "area_km2", "official_area_km2",
            "basis", "controller", "controlled_pct", "controlled_km2", "mismatch_km2", "front_km", "figure", "note");

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name's extension ("table.md" → MD), or null when unknown. */
    public static TableFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (n.endsWith("." + f.extension) || f == MD && n.endsWith(".markdown") || f == HTML
                    && n.endsWith(".htm")) {
                return f;
            }
        }
        return null;
    }

    /** Writes the table as UTF-8 bytes. */
    public void write(AreaTable table, OutputStream out) throws IOException {
        switch (this) {
            case CSV -> writeCsv(table, out);
            case JSON -> writeJson(table, out);
            case MD -> writeText(out, w -> writeMarkdown(table, w));
            case HTML -> writeText(out, w -> writeHtml(table, w));
            default -> throw new IllegalStateException();
        }
    }

    private interface TextBody {
        void write(PrintWriter w);
    }

    private static void writeText(OutputStream out, TextBody body) throws IOException {
        Writer ow = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PrintWriter w = new PrintWriter(ow);
        body.write(w);
        w.flush();
        if (w.checkError()) {
            throw new IOException("write failed");
        }
    }

    private static List<AreaTable.Row> allRows(AreaTable t) {
        List<AreaTable.Row> rows = new ArrayList<>(t.rows());
        rows.add(t.total());
        return rows;
    }

    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static void writeCsv(AreaTable t, OutputStream out) throws IOException {
        CsvSchema.Builder sb = CsvSchema.builder();
        COLUMNS.forEach(sb::addColumn);
        CsvSchema schema = sb.build().withHeader().withLineSeparator("\n");
        try (CsvGenerator g = new CsvFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Quote only fields that need it (commas, quotes, line breaks), as RFC 4180 readers expect.
            g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
            g.setSchema(schema);
            for (AreaTable.Row r : allRows(t)) {
                g.writeStartArray();
                g.writeString(r.iso());
                g.writeString(r.name());
                g.writeString(fixed(r.areaKm2(), 3));
                g.writeString(fixed(r.officialAreaKm2(), 3));
                g.writeString(t.basis().label());
                g.writeString(r.controller() == null ? "" : r.controller().name());
                g.writeString(fixed(r.controlledPct(), 2));
                g.writeString(fixed(r.controlledKm2(), 3));
                g.writeString(fixed(r.mismatchKm2(), 3));
                g.writeString(r == t.total() ? fixed(t.frontKm(), 3) : "");
                g.writeString(r.figure());
                g.writeString(r.note());
                g.writeEndArray();
            }
        }
    }

    private static void writeJson(AreaTable t, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(
                    DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("title", t.title());
            g.writeStringField("date", t.date() == null ? null : t.date().toString());
            g.writeStringField("source", t.source());
            g.writeStringField("basis", t.basis().label());
            g.writeArrayFieldStart("rows");
            for (AreaTable.Row r : allRows(t)) {
                g.writeStartObject();
                g.writeStringField("iso_3166_2", r.iso());
                g.writeStringField("name", r.name());
                number(g, "area_km2", r.areaKm2(), 3);
                number(g, "official_area_km2", r.officialAreaKm2(), 3);
                g.writeStringField("basis", t.basis().label());
                g.writeStringField("controller", r.controller() == null ? null : r.controller().name());
                number(g, "controlled_pct", r.controlledPct(), 2);
                number(g, "controlled_km2", r.controlledKm2(), 3);
                number(g, "mismatch_km2", r.mismatchKm2(), 3);
                number(g, "front_km", r == t.total() ? t.frontKm() : Double.NaN, 3);
                g.writeStringField("figure", r.figure());
                g.writeStringField("note", r.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : t.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void number(JsonGenerator g, String field, double v, int decimals) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(field);
        } else {
            g.writeFieldName(field);
            g.writeNumber(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP));
        }
    }

    private static String grouped(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A row's share as the Markdown and HTML tables write it ("80.0%", "<0.1%", "–" when nobody holds it). */
    public static String pct(AreaTable.Row r) {
        if (Double.isNaN(r.controlledPct())) {
            return "";
        }
        if (r.controller() == null) {
            return "–";
        }
        // One decimal, but never let a real share print as 0.0%.
        return r.controlledPct() > 0 && r.controlledPct() < 0.05 ? "<0.1%" : grouped(r.controlledPct(), 1) + "%";
    }

    /** A row's held km² as the Markdown and HTML tables write it ("21,347", "<1", "–" when nobody holds it). */
    public static String km2(AreaTable.Row r) {
        if (r.controller() == null) {
            return "–";
        }
        return r.controlledKm2() > 0 && r.controlledKm2() < 0.5 ? "<1" : grouped(r.controlledKm2(), 0);
    }

    private static String heldBy(AreaTable.Row r) {
        return r.controller() == null ? "" : r.controller().countryName();
    }

    private static final String[] HEADERS = {"Region", "ISO", "Area km² (boundary)", "Official km²", "Held by",
        "Share", "Held km²", "Mismatch km²", "Figure in source", "Note"};
    private static final boolean[] NUMERIC = {false, false, true, true, false, true, true, true, false, false};
    /** The mismatch column, shown in Markdown and HTML only for tables that have one. */
    private static final int MISMATCH = 7;

    private static String[] cells(AreaTable.Row r) {
        return new String[] {r.name(), r.iso(), grouped(r.areaKm2(), 0), grouped(r.officialAreaKm2(), 0), heldBy(r),
            pct(r), km2(r), mismatch(r), r.figure(), r.note()};
    }

    private static String mismatch(AreaTable.Row r) {
        if (Double.isNaN(r.mismatchKm2()) || r.mismatchKm2() == 0) {
            return Double.isNaN(r.mismatchKm2()) ? "" : "–";
        }
        return r.mismatchKm2() < 0.5 ? "<1" : grouped(r.mismatchKm2(), 0);
    }

    private static boolean shown(AreaTable t, int column) {
        return column != MISMATCH || t.mismatch();
    }

    private static void writeMarkdown(AreaTable t, PrintWriter w) {
        w.print("**" + md(t.caption()) + "**\n\n");
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < HEADERS.length; i++) {
            if (!shown(t, i)) {
                continue;
            }
            head.append(' ').append(HEADERS[i]).append(" |");
            rule.append(NUMERIC[i] ? " ---: |" : " --- |");
        }
        w.print(head + "\n" + rule + "\n");
        for (AreaTable.Row r : allRows(t)) {
            String[] c = cells(r);
            boolean total = r == t.total();
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < c.length; i++) {
                if (!shown(t, i)) {
                    continue;
                }
                String v = md(c[i]);
                line.append(' ').append(total && !v.isEmpty() ? "**" + v + "**" : v).append(" |");
            }
            w.print(line + "\n");
        }
        w.print("\n");
        for (String n : t.notes()) {
            w.print("- " + md(n) + "\n");
        }
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static void writeHtml(AreaTable t, PrintWriter w) {
        w.print("<table class=\"controlmap-areas\">\n");
        w.print("<caption>" + html(t.caption()) + "</caption>\n<thead>\n<tr>");
        for (int i = 0; i < HEADERS.length; i++) {
            if (!shown(t, i)) {
                continue;
            }
            w.print("<th scope=\"col\"" + (NUMERIC[i] ? " style=\"text-align:right\"" : "") + ">" + html(HEADERS[i])
                    + "</th>");
        }
        w.print("</tr>\n</thead>\n<tbody>\n");
        for (AreaTable.Row r : t.rows()) {
            htmlRow(w, t, r, "td");
        }
        w.print("</tbody>\n<tfoot>\n");
        htmlRow(w, t, t.total(), "th");
        w.print("</tfoot>\n</table>\n<ul class=\"controlmap-notes\">\n");
        for (String n : t.notes()) {
            w.print("<li>" + html(n) + "</li>\n");
        }
        w.print("</ul>\n");
    }

    private static void htmlRow(PrintWriter w, AreaTable t, AreaTable.Row r, String cell) {
        String[] c = cells(r);
        w.print("<tr data-iso=\"" + html(r.iso()) + "\">");
        for (int i = 0; i < c.length; i++) {
            if (!shown(t, i)) {
                continue;
            }
            String tag = i == 0 ? "th scope=\"row\"" : cell;
            String end = i == 0 ? "th" : cell;
            w.print("<" + tag + (NUMERIC[i] ? " style=\"text-align:right\"" : "") + ">" + html(c[i]) + "</" + end
                    + ">");
        }
        w.print("</tr>\n");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
