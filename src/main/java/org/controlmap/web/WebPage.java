package org.controlmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.render.MapScene;
import org.controlmap.render.PngMap;
import org.controlmap.render.SvgMap;
import org.controlmap.table.AreaColumns;
import org.controlmap.table.AreaTable;
import org.controlmap.table.TableFormat;

/**
 * One self-contained interactive HTML page: the map as inline SVG (regions focusable, a tooltip per region on
 * hover and on focus), the area table below it ({@link TableFormat#HTML}), the source, date and method notes,
 * and download links for the map's SVG and PNG and the table's CSV as {@code data:} URIs. With a
 * {@link WebTimeline}, a date slider ({@code <input type="range" id="date">}) redraws the held ground and
 * {@code #total-km2} of the date shown.
 *
 * <p>Nothing is fetched: script, style and data are inline, under a Content-Security-Policy that allows exactly
 * the page's one script and one style sheet by their SHA-256 hashes (and the table's right-alignment attribute,
 * by hash), and nothing else; so the page opens from {@code file://} and inside an {@code <iframe>}. Inline SVG
 * rather than Leaflet: the map is one fixed extent with no tiles to fetch, Leaflet would add 150 kB of script and
 * CSS and a second projection, and SVG paths give keyboard focus, tooltips and screen-reader names per region
 * with a few dozen lines of script. Same input, same bytes.
 */
public final class WebPage {
    /** The PNG's stated resolution, as {@code render}'s default. */
    static final int PNG_DPI = 200;
    /** The one style attribute the table writer uses (numbers right-aligned), allowed by its hash. */
    static final String TABLE_STYLE_ATTRIBUTE = "text-align:right";

    private WebPage() {
    }

    /**
     * The page of one map and its table (a scenario, or one control file measured).
     *
     * @param scene the map, as {@code render} draws it
     * @param table the table, as {@code areas} writes it
     * @param notes method notes beyond the table's own (one sentence each)
     */
    public static byte[] of(MapScene scene, AreaTable table, List<String> notes) throws IOException {
        return page(scene, table, notes, null);
    }

    /**
     * The page of dated snapshots: the last date's map, table and downloads, and a slider over every date.
     *
     * @param notes method notes beyond the table's own (one sentence each)
     */
    public static byte[] of(WebTimeline timeline, List<String> notes) throws IOException {
        return page(timeline.lastScene(), timeline.lastTable(), notes, timeline);
    }

    private static byte[] page(MapScene scene, AreaTable table, List<String> notes, WebTimeline timeline)
            throws IOException {
        String style = resource("page.css");
        String script = resource("page.js");
        String svg = inline(SvgMap.toSvg(interactive(scene)));
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 20);
        PngMap.write(scene, PNG_DPI, png);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TableFormat.CSV.write(table, csv);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        TableFormat.HTML.write(table, html);

        StringBuilder sb = new StringBuilder(1 << 22);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src '").append(hash(style)).append("' 'unsafe-hashes' '")
                .append(hash(TABLE_STYLE_ATTRIBUTE)).append("'; script-src '").append(hash(script))
                .append("'; base-uri 'none'; form-action 'none'\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<meta name=\"generator\" content=\"controlmap web\">\n");
        sb.append("<title>").append(esc(scene.title())).append("</title>\n");
        sb.append("<style>").append(style).append("</style>\n</head>\n<body>\n<main>\n");
        sb.append("<h1>").append(esc(scene.title())).append("</h1>\n");
        if (timeline != null) {
            List<WebTimeline.Frame> fs = timeline.frames();
            WebTimeline.Frame last = fs.get(fs.size() - 1);
            sb.append("<div class=\"controls\">\n<label for=\"date\">Date</label>\n");
            sb.append("<input type=\"range\" id=\"date\" min=\"0\" max=\"").append(fs.size() - 1)
                    .append("\" step=\"1\" value=\"").append(fs.size() - 1).append("\" aria-valuetext=\"")
                    .append(last.date()).append("\" aria-describedby=\"shown\">\n");
            sb.append("<p id=\"shown\" aria-live=\"polite\"><time id=\"shown-date\">").append(last.date())
                    .append("</time>: held by ").append(heldWhere(timeline.side()))
                    .append(" <span id=\"total-km2\">").append(esc(last.total())).append("</span> km²</p>\n</div>\n");
        } else {
            sb.append("<p id=\"shown\">").append(table.date() == null ? "No date in the data"
                    : "<time id=\"shown-date\">" + table.date() + "</time>").append(": held by Russia in Ukraine ")
                    .append("<span id=\"total-km2\">").append(esc(AreaColumns.held(table.total())))
                    .append("</span> km²</p>\n");
        }
        sb.append("<figure id=\"map\" aria-describedby=\"map-help\">\n");
        sb.append(svg);
        String what = timeline == null ? scene.description() : "Territory held by "
                + timeline.side().countryName() + " on the date the slider "
                + "shows, from " + timeline.frames().get(0).date() + " to "
                + timeline.frames().get(timeline.frames().size() - 1).date() + "; the dashed line is the front on "
                + "the first date.";
        sb.append("<figcaption id=\"map-help\">").append(esc(what))
                .append(" Hover over a region, or move to it with the Tab key, for its held km², share and the "
                        + "figure as the source gave it.").append(timeline != null
                                ? " The slider (arrow keys, Home, End) shows another date." : "")
                .append("</figcaption>\n</figure>\n");
        sb.append("<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n");
        sb.append("<section id=\"table\">\n").append(html.toString(StandardCharsets.UTF_8)).append("</section>\n");
        sb.append("<section id=\"notes\">\n<h2>Source, date and method</h2>\n<ul>\n");
        sb.append("<li>Source: ").append(esc(table.source())).append(".</li>\n");
        sb.append("<li>Date: ").append(timeline != null ? timeline.frames().get(0).date() + " to "
                + timeline.frames().get(timeline.frames().size() - 1).date() + " (" + timeline.frames().size()
                + " snapshots); the table and the downloads are of the last date."
                : table.date() == null ? "no date in the data." : table.date() + ".").append("</li>\n");
        for (String n : notes) {
            sb.append("<li>").append(esc(n)).append("</li>\n");
        }
        sb.append("</ul>\n</section>\n");
        sb.append("<p id=\"downloads\">Download: ");
        link(sb, "map.svg", "image/svg+xml", svgFile(scene), "SVG map");
        sb.append(" · ");
        link(sb, "map.png", "image/png", png.toByteArray(), "PNG map");
        sb.append(" · ");
        link(sb, "areas.csv", "text/csv", csv.toByteArray(), "CSV table");
        sb.append("</p>\n</main>\n");
        sb.append("<script type=\"application/json\" id=\"page-data\">").append(data(table, timeline))
                .append("</script>\n");
        sb.append("<script>").append(script).append("</script>\n</body>\n</html>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An SVG document as an element of the page: no XML declaration, and the root a group (a reader may enter
     * its focusable regions) rather than an image, named and described by its title and description as before;
     * out of the tab order (Chromium would stop on the root itself before its regions).
     */
    static String inline(String svg) {
        String s = svg.startsWith("<?xml") ? svg.substring(svg.indexOf('\n') + 1) : svg;
        int end = s.indexOf('>');
        return s.substring(0, end).replace(" role=\"img\"", " role=\"group\" tabindex=\"-1\"")
                + s.substring(end);
    }

    /** "Russia in Ukraine": whose ground in whose, as the frames' km² line says it. */
    private static String heldWhere(Controller side) {
        return side == Controller.RU ? "Russia in Ukraine" : "Ukraine in Russia";
    }

    /** The map as its own SVG file, as {@code render} writes it. */
    private static byte[] svgFile(MapScene scene) {
        return SvgMap.toSvg(scene).getBytes(StandardCharsets.UTF_8);
    }

    private static void link(StringBuilder sb, String name, String type, byte[] bytes, String text) {
        sb.append("<a download=\"").append(name).append("\" type=\"").append(type).append("\" href=\"data:")
                .append(type).append(";base64,").append(Base64.getEncoder().encodeToString(bytes)).append("\">")
                .append(esc(text)).append("</a> (").append(kb(bytes.length)).append(')');
    }

    private static String kb(int bytes) {
        return bytes < 1024 ? bytes + " bytes" : Math.round(bytes / 1024.0) + " kB";
    }

    /**
     * The scene with its regions made operable: each region's path focusable ({@code tabindex="0"}) and named
     * for screen readers; the root's {@code role="img"} becomes a group, whose parts a reader may enter (its
     * title and description stay its name and alt text).
     */
    static MapScene interactive(MapScene scene) {
        List<MapScene.Item> items = new ArrayList<>();
        for (MapScene.Item it : scene.items()) {
            items.add(focusable(it));
        }
        return new MapScene(scene.width(), scene.height(), scene.title(), scene.description(), items,
                scene.georef());
    }

    private static MapScene.Item focusable(MapScene.Item it) {
        if (it instanceof MapScene.Group g) {
            List<MapScene.Item> items = new ArrayList<>();
            for (MapScene.Item c : g.items()) {
                items.add(focusable(c));
            }
            return new MapScene.Group(g.cssClass(), g.attributes(), items);
        }
        if (it instanceof MapScene.Figure f && "region".equals(f.cssClass()) && f.attributes().containsKey("data-iso")) {
            Map<String, String> attrs = new LinkedHashMap<>(f.attributes());
            attrs.put("tabindex", "0");
            attrs.put("role", "button");
            attrs.put("aria-label", f.tooltip() != null ? f.tooltip() : f.attributes().get("data-iso"));
            return new MapScene.Figure(f.geometry(), f.style(), f.cssClass(), attrs, f.tooltip());
        }
        return it;
    }

    /** What the script needs, as JSON: region names and figures, and the slider's frames. */
    static String data(AreaTable table, WebTimeline timeline) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"regions\":{");
        boolean first = true;
        for (AreaTable.Row r : table.rows()) {
            if (r.iso().equals("outside")) {
                continue;
            }
            sb.append(first ? "" : ",").append(json(r.iso())).append(":[").append(json(r.name())).append(',')
                    .append(json(AreaColumns.held(r))).append(',').append(json(AreaColumns.share(r))).append(',')
                    .append(json(r.figure())).append(']');
            first = false;
        }
        sb.append('}');
        if (timeline != null) {
            sb.append(",\n\"held\":[").append(json(String.format("#%06x", timeline.colour()))).append(',')
                    .append(timeline.strokePx()).append(']');
            sb.append(",\n\"pieces\":[");
            List<String> ps = timeline.pieces();
            for (int i = 0; i < ps.size(); i++) {
                sb.append(i == 0 ? "" : ",\n").append(json(ps.get(i)));
            }
            sb.append("],\n\"frames\":[");
            List<WebTimeline.Frame> fs = timeline.frames();
            for (int i = 0; i < fs.size(); i++) {
                WebTimeline.Frame f = fs.get(i);
                sb.append(i == 0 ? "" : ",\n").append("[").append(json(f.date().toString())).append(',')
                        .append(json(f.total())).append(',').append(json(f.figure())).append(",[");
                for (int k = 0; k < f.pieces().length; k++) {
                    sb.append(k == 0 ? "" : ",").append(f.pieces()[k]);
                }
                sb.append("],{");
                boolean c = true;
                for (Map.Entry<String, String[]> e : f.cells().entrySet()) {
                    sb.append(c ? "" : ",").append(json(e.getKey())).append(":[").append(json(e.getValue()[0]))
                            .append(',').append(json(e.getValue()[1])).append(']');
                    c = false;
                }
                sb.append("}]");
            }
            sb.append(']');
        }
        sb.append('}');
        return sb.toString();
    }

    /** A JSON string, safe inside a {@code <script>} element ("<" escaped, so no "</script>" can close it). */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The CSP source of a text's SHA-256 (what the browser hashes: the UTF-8 bytes between the tags). */
    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
