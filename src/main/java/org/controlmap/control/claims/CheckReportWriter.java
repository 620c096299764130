package org.controlmap.control.claims;

import org.controlmap.control.NumberText;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.controlmap.control.AmountUnit;
import org.controlmap.region.AreaBasis;

/**
 * Writes a {@link CheckReport} as a readable text report or as JSON. Numbers are
 * rounded half-up, km² to 3 decimals and percentages to 2, so the same input
 * gives the same bytes on every machine.
 */
public final class CheckReportWriter {
    private CheckReportWriter() {
    }

    /**
     * One line per claim ("[met]", "[not met]" or "[unmeasured]", what is claimed, the interval, the
     * value and the quote), then the consistency verdict with the range the per-region figures imply.
     */
    public static String text(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Check of ").append(report.source());
        if (report.scenario() != null && !report.scenario().equals(report.source())) {
            sb.append(" (").append(report.scenario()).append(')');
        }
        sb.append('\n');
        sb.append("Report date: ").append(report.date() != null ? report.date() : "no date in the data").append('\n');
        sb.append("Values: ").append(report.valueSource()).append('\n');
        sb.append("Basis: ").append(report.basis() == AreaBasis.OFFICIAL
                ? "official areas (a percent is a share of the region's official area; Ukraine "
                        + NumberText.grouped(report.consistency().ukraineKm2(), 0) + " km²)"
                : "geometry (a percent is a share of the region's geodesic area on WGS84; Ukraine "
                        + NumberText.grouped(report.consistency().ukraineKm2(), 0) + " km²)")
                .append('\n');
        sb.append("Groups are checked as their combined share; a claim holds when its value lies in its "
                + "interval ('(' and ')' exclude the end).\n\n");
        int width = report.claims().stream().mapToInt(c -> statusMark(c).length()).max().orElse(0);
        for (Claim c : report.claims()) {
            String unit = c.unit() == AmountUnit.PERCENT ? "%" : " km²";
            String mark = statusMark(c);
            sb.append(mark).append(" ".repeat(width - mark.length() + 1));
            sb.append(c.text()).append(": ").append(groupedInterval(c.interval(), c.digits())).append(unit);
            sb.append(", value ").append(c.value() == null ? "unknown" : NumberText.grouped(c.value(), c.digits()) + unit);
            if (!c.note().isEmpty()) {
                sb.append(" (").append(c.note()).append(')');
            }
            if (c.statement().quote() != null && !c.statement().quote().isBlank()) {
                sb.append(" — “").append(c.statement().quote().strip()).append('”');
            }
            sb.append('\n');
        }
        sb.append('\n');
        sb.append(report.count(ClaimStatus.MET)).append(" met, ").append(report.count(ClaimStatus.NOT_MET))
                .append(" not met");
        if (report.count(ClaimStatus.UNMEASURED) > 0) {
            sb.append(", ").append(report.count(ClaimStatus.UNMEASURED)).append(" unmeasured");
        }
        sb.append(" of ").append(report.claims().size()).append(" claims.\n");
        Consistency k = report.consistency();
        sb.append(k.consistent() ? "Consistent: yes, all statements can be true at once.\n"
                : "Consistent: no, the statements cannot all be true at once.\n");
        sb.append("  per-region figures: Russia holds ").append(km2AndPct(k.impliedRange(), k.ukraineKm2()))
                .append(" of Ukraine\n");
        for (Consistency.TotalRange t : k.totals()) {
            sb.append("  ").append(t.text()).append(": ").append(km2AndPct(t.km2(), k.ukraineKm2())).append('\n');
        }
        if (k.consistent() && !k.totals().isEmpty()) {
            sb.append("  all together: ").append(km2AndPct(k.jointRange(), k.ukraineKm2())).append('\n');
        }
        for (String c : k.conflicts()) {
            sb.append("  conflict: ").append(c).append('\n');
        }
        for (String n : k.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String statusMark(Claim c) {
        return switch (c.status()) {
            case MET -> "[met]";
            case NOT_MET -> "[not met]";
            case UNMEASURED -> "[unmeasured]";
        };
    }

    private static String km2AndPct(Interval km2, double ukraineKm2) {
        Interval pct = km2.times(100 / ukraineKm2);
        return groupedInterval(km2, 3) + " km², " + pct.format(2) + "%";
    }

    private static String groupedInterval(Interval iv, int digits) {
        return (iv.minOpen() ? "(" : "[") + NumberText.grouped(iv.min(), digits) + ", "
                + NumberText.grouped(iv.max(), digits) + (iv.maxOpen() ? ")" : "]");
    }

    /**
     * JSON: {@code {"claims": [{"id", "text", "regions", "unit", "min", "max", "value", "status", ...}],
     * "consistent": ..., ...}} with keys in a fixed order. Extra keys: per claim {@code min_open},
     * {@code max_open}, {@code note}, {@code quote}; at the top {@code basis}, {@code values}
     * ("measured" or "implied"), {@code implied_range} and {@code joint_range} (km² of Ukraine held by
     * Russia), {@code totals}, {@code conflicts}, {@code notes}.
     */
    public static void json(CheckReport report, OutputStream out) {
        // the caller owns the stream (stdout or an atomic output file)
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("claims");
            for (Claim c : report.claims()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("text", c.text());
                g.writeArrayFieldStart("regions");
                for (String iso : c.regions()) {
                    g.writeString(iso);
                }
                g.writeEndArray();
                g.writeStringField("unit", c.unit().label());
                g.writeFieldName("min");
                g.writeNumber(NumberText.plain(c.interval().min(), c.digits()));
                g.writeFieldName("max");
                g.writeNumber(NumberText.plain(c.interval().max(), c.digits()));
                g.writeFieldName("value");
                if (c.value() == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(NumberText.plain(c.value(), c.digits()));
                }
                g.writeStringField("status", c.status().label());
                g.writeBooleanField("min_open", c.interval().minOpen());
                g.writeBooleanField("max_open", c.interval().maxOpen());
                g.writeStringField("note", c.note());
                g.writeStringField("quote", c.statement().quote() == null ? "" : c.statement().quote().strip());
                g.writeEndObject();
            }
            g.writeEndArray();
            Consistency k = report.consistency();
            g.writeBooleanField("consistent", k.consistent());
            g.writeStringField("basis", report.basis().label());
            g.writeStringField("values", report.measured() ? "measured" : "implied");
            g.writeStringField("value_source", report.valueSource());
            g.writeFieldName("implied_range");
            range(g, k.impliedRange(), k.ukraineKm2());
            g.writeFieldName("joint_range");
            if (k.consistent()) {
                range(g, k.jointRange(), k.ukraineKm2());
            } else {
                g.writeNull();
            }
            g.writeArrayFieldStart("totals");
            for (Consistency.TotalRange t : k.totals()) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("text", t.text());
                g.writeFieldName("range");
                range(g, t.km2(), k.ukraineKm2());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conflicts");
            for (String c : k.conflicts()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : k.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A km² range of Russian-held Ukraine, with the same range as percent of Ukraine. */
    private static void range(JsonGenerator g, Interval km2, double ukraineKm2) throws IOException {
        Interval pct = km2.times(100 / ukraineKm2);
        g.writeStartObject();
        g.writeFieldName("min_km2");
        g.writeNumber(NumberText.plain(km2.min(), 3));
        g.writeFieldName("max_km2");
        g.writeNumber(NumberText.plain(km2.max(), 3));
        g.writeFieldName("min_pct");
        g.writeNumber(NumberText.plain(pct.min(), 2));
        g.writeFieldName("max_pct");
        g.writeNumber(NumberText.plain(pct.max(), 2));
        g.writeBooleanField("min_open", km2.minOpen());
        g.writeBooleanField("max_open", km2.maxOpen());
        g.writeEndObject();
    }
}
