package org.controlmap.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.ScenarioSource;
import org.controlmap.control.claims.CheckReport;
import org.controlmap.control.claims.Claim;
import org.controlmap.control.claims.ClaimCheck;
import org.controlmap.control.claims.ClaimStatus;
import org.controlmap.control.claims.Consistency;
import org.controlmap.control.claims.Interval;
import org.controlmap.control.AmountUnit;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.region.AreaBasis;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapScene;
import org.controlmap.render.chart.SeriesChart;
import org.controlmap.table.AreaTable;

/**
 * The bundle's {@code index.html}: one static page, no script, that shows the map and the series chart
 * as images beside it, the area table as {@code areas --format html} writes it, the report's verdicts
 * from the same {@link CheckReport} as {@code check.json}, captions, alt text, method and licence notes,
 * and links to every file. Print CSS lays it out on A4. The page's own words follow {@code --lang}; the
 * table and the verdicts' claim texts are in English, as {@code areas} and {@code check} write them.
 */
final class ReportPage {
    private final ReportInputs in;
    private final AreaTable table;
    private final String tableHtml;
    private final CheckReport check;
    private final MapScene scene;
    private final SeriesChart chart;
    private final List<ReportBundle.BundleFile> files;
    private final boolean uk;
    private final StringBuilder sb = new StringBuilder(1 << 15);

    /**
     * @param tableHtml the table as {@code TableFormat.HTML} writes it
     * @param chart     the series chart, or null
     * @param files     the files beside the page, in the order to list them
     */
    ReportPage(ReportInputs in, AreaTable table, String tableHtml, CheckReport check, MapScene scene,
            SeriesChart chart, List<ReportBundle.BundleFile> files) {
        this.in = in;
        this.table = table;
        this.tableHtml = tableHtml;
        this.check = check;
        this.scene = scene;
        this.chart = chart;
        this.files = files;
        this.uk = "uk".equals(in.map().lang());
    }

    static String mapFileWhat(MapFormat f, boolean uk) {
        return switch (f) {
            case SVG -> uk ? "карта, SVG (для вебу й редагування)" : "the map, SVG (for the web and for editing)";
            case PNG -> uk ? "карта, PNG" : "the map, PNG";
            case PDF -> uk ? "карта, PDF (для друку)" : "the map, PDF (for print)";
        };
    }

    private String t(String en, String ukText) {
        return uk ? ukText : en;
    }

    String html() {
        String title = scene.title();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(uk ? "uk" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"lede\">")
                .append(esc(lede())).append("</p>\n</header>\n");
        sb.append("<main>\n");
        mapSection();
        tableSection();
        checkSection();
        if (chart != null) {
            seriesSection();
        }
        methodSection();
        creditsSection();
        filesSection();
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** One sentence with the figure a reader wants first: Russian-held Ukraine, km² and percent, and when. */
    private String lede() {
        AreaTable.Row total = table.total();
        String km2 = NumberText.grouped(Math.round(total.controlledKm2()));
        String pct = NumberText.plain(total.controlledPct(), 1);
        String when = table.date() == null ? t("no date in the data", "дату в даних не вказано")
                : t("as of ", "станом на ") + table.date();
        String how = table.measured() ? t("measured from control polygons", "виміряно за полігонами контролю")
                : t("as reported", "за даними звіту");
        return t("Russia holds ", "Росія утримує ") + km2 + t(" km² of Ukraine (", " км² України (") + pct + "%), "
                + how + ", " + when + t(". Source: ", ". Джерело: ") + table.source() + ".";
    }

    private void mapSection() {
        sb.append("<section id=\"map\">\n<h2>").append(t("Map", "Карта")).append("</h2>\n<figure>\n");
        sb.append("<img src=\"map.svg\" width=\"").append(Math.round(scene.width())).append("\" height=\"")
                .append(Math.round(scene.height())).append("\" alt=\"").append(esc(mapAlt())).append("\">\n");
        // The description starts with the title: one caption line, as in the SVG's <desc>.
        sb.append("<figcaption>").append(t("Figure 1. ", "Рисунок 1. ")).append(esc(scene.description()))
                .append(' ');
        if (in.map().mode() == MapMode.SCHEMATIC) {
            sb.append(esc(t("Schematic map: each region's share is drawn to scale as one piece; the line is not "
                    + "a real front. ", "Схема: частка кожної області намальована в масштабі одним шматком; лінія — "
                    + "не реальний фронт. ")));
        }
        sb.append(t("Files: ", "Файли: ")).append(link("map.svg")).append(", ").append(link("map.png"))
                .append(", ").append(link("map.pdf")).append(".</figcaption>\n</figure>\n</section>\n");
    }

    /** What the map shows, for readers who cannot see it: the total and the regions that hold most of it. */
    private String mapAlt() {
        List<AreaTable.Row> held = new ArrayList<>();
        for (AreaTable.Row r : table.rows()) {
            if (r.controller() != null && r.controlledKm2() > 0 && !r.iso().equals("outside")) {
                held.add(r);
            }
        }
        held.sort(Comparator.comparingDouble(AreaTable.Row::controlledKm2).reversed()
                .thenComparing(AreaTable.Row::iso));
        StringBuilder a = new StringBuilder();
        a.append(t("Map of Ukraine and the neighbouring Russian oblasts. ", "Карта України й прилеглих областей Росії. "));
        a.append(lede());
        if (!held.isEmpty()) {
            a.append(t(" Held ground by region, largest first: ", " Утримувана площа за областями, від найбільшої: "));
            for (int i = 0; i < held.size(); i++) {
                AreaTable.Row r = held.get(i);
                a.append(i == 0 ? "" : "; ").append(r.name()).append(' ')
                        .append(NumberText.grouped(Math.round(r.controlledKm2()))).append(t(" km² (", " км² ("))
                        .append(NumberText.plain(r.controlledPct(), 1)).append("%")
                        .append(r.controller() == Controller.UA ? t(", held by Ukraine", ", утримує Україна") : "")
                        .append(')');
            }
            a.append('.');
        }
        return a.toString();
    }

    private void tableSection() {
        sb.append("<section id=\"table\">\n<h2>").append(t("Area by region", "Площа за областями")).append("</h2>\n");
        sb.append(tableHtml);
        sb.append("<p class=\"files\">").append(t("The same table: ", "Та сама таблиця: ")).append(link("areas.csv"))
                .append(t(" (for spreadsheets and Datawrapper), ", " (для таблиць і Datawrapper), "))
                .append(link("areas.md")).append(" (Markdown).</p>\n</section>\n");
    }

    private void checkSection() {
        sb.append("<section id=\"check\">\n<h2>").append(t("Does the report hold?", "Чи справджується звіт?"))
                .append("</h2>\n<p>");
        ScenarioSource src = in.scenario().source();
        sb.append(t("The figures of ", "Цифри звіту ")).append(citation(src)).append(t(" (", " ("))
                .append(in.scenario().date() == null ? t("no date", "без дати") : in.scenario().date().toString())
                .append(t("), checked. Values: ", "). Значення: ")).append(esc(check.valueSource())).append(". ")
                .append(t("Each figure is read as an interval of values for which it is true; it is met when the "
                        + "value lies in it ('(' and ')' exclude the end). ",
                        "Кожну цифру прочитано як проміжок значень, за яких вона правдива; вона справджується, "
                                + "коли значення в ньому ('(' і ')' не включають кінця). "))
                .append(t("Percentages are shares of ", "Відсотки — частки "))
                .append(check.basis() == AreaBasis.OFFICIAL ? t("official areas", "офіційних площ")
                        : t("the boundaries' geodesic areas", "геодезичних площ меж"))
                .append(".</p>\n");
        sb.append("<table class=\"controlmap-check\">\n<caption>")
                .append(t("Each figure of the report, met or not. ", "Кожна цифра звіту: справджується чи ні. "))
                .append(t("Met: ", "Справджуються: ")).append(check.count(ClaimStatus.MET))
                .append(t("; not met: ", "; не справджуються: ")).append(check.count(ClaimStatus.NOT_MET))
                .append(t("; unmeasured: ", "; не виміряно: ")).append(check.count(ClaimStatus.UNMEASURED))
                .append(t(" of ", " з ")).append(check.claims().size()).append(".</caption>\n<thead>\n<tr>")
                .append("<th scope=\"col\">").append(t("Verdict", "Висновок")).append("</th>")
                .append("<th scope=\"col\">").append(t("Claim", "Твердження")).append("</th>")
                .append("<th scope=\"col\" class=\"num\">").append(t("True for", "Правдиве для")).append("</th>")
                .append("<th scope=\"col\" class=\"num\">").append(t("Value", "Значення")).append("</th>")
                .append("<th scope=\"col\">").append(t("Note and quote", "Примітка й цитата")).append("</th>")
                .append("</tr>\n</thead>\n<tbody>\n");
        for (Claim c : check.claims()) {
            String unit = c.unit() == AmountUnit.PERCENT ? "%" : t(" km²", " км²");
            sb.append("<tr class=\"").append(c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .append("\"><td>").append(verdict(c.status())).append("</td><th scope=\"row\">")
                    .append(esc(c.text())).append("</th><td class=\"num\">")
                    .append(esc(interval(c.interval(), c.digits()) + unit)).append("</td><td class=\"num\">")
                    .append(c.value() == null ? "–" : esc(NumberText.grouped(c.value(), c.digits()) + unit))
                    .append("</td><td>");
            String quote = c.statement().quote() == null ? "" : c.statement().quote().strip();
            sb.append(esc(c.note()));
            if (!quote.isEmpty()) {
                sb.append(c.note().isEmpty() ? "" : " ").append("<q>").append(esc(quote)).append("</q>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        Consistency k = check.consistency();
        sb.append("<p><strong>").append(k.consistent()
                ? t("Consistent: all statements can be true at once.", "Узгоджено: усі твердження можуть бути "
                        + "правдивими водночас.")
                : t("Not consistent: the statements cannot all be true at once.", "Не узгоджено: усі твердження "
                        + "не можуть бути правдивими водночас."))
                .append("</strong>");
        sb.append(' ').append(t("The per-region figures put Russian-held Ukraine at ",
                "За цифрами по областях Росія утримує ")).append(esc(interval(k.impliedRange(), 0)))
                .append(t(" km².", " км² України."));
        sb.append("</p>\n");
        if (!k.conflicts().isEmpty() || !k.notes().isEmpty()) {
            sb.append("<ul class=\"controlmap-notes\">\n");
            for (String c : k.conflicts()) {
                sb.append("<li>").append(t("Conflict: ", "Суперечність: ")).append(esc(c)).append("</li>\n");
            }
            for (String n : k.notes()) {
                sb.append("<li>").append(esc(n)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<p class=\"files\">").append(t("The same check for machines: ", "Та сама перевірка для програм: "))
                .append(link("check.json")).append(".</p>\n</section>\n");
    }

    private String verdict(ClaimStatus s) {
        return switch (s) {
            case MET -> t("met", "справджується");
            case NOT_MET -> t("<strong>not met</strong>", "<strong>не справджується</strong>");
            case UNMEASURED -> t("unmeasured", "не виміряно");
        };
    }

    private void seriesSection() {
        ControlSeries series = in.series();
        Map<LocalDate, Double> total = series.line("UA");
        sb.append("<section id=\"series\">\n<h2>").append(t("Over time", "З часом")).append("</h2>\n<figure>\n");
        sb.append("<img src=\"chart.svg\" width=\"").append(chart.width()).append("\" height=\"")
                .append(chart.height()).append("\" alt=\"").append(esc(chartAlt(total))).append("\">\n");
        sb.append("<figcaption>").append(t("Figure 2. ", "Рисунок 2. ")).append(esc(chart.title())).append(". ")
                .append(t("Held km² of Ukraine measured from each dated snapshot (", "Утримувана площа України, "
                        + "виміряна за кожним датованим знімком ("))
                .append(total.size()).append(t(" dates). Source: ", " дат). Джерело: ")).append(esc(series.source()))
                .append(t(". Files: ", ". Файли: ")).append(link("chart.svg")).append(", ").append(link("series.csv"))
                .append(".</figcaption>\n</figure>\n</section>\n");
    }

    private String chartAlt(Map<LocalDate, Double> total) {
        if (total.isEmpty()) {
            return t("Line chart with no dates.", "Лінійний графік без дат.");
        }
        List<LocalDate> dates = new ArrayList<>(total.keySet());
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        double a = total.get(first);
        double b = total.get(last);
        double min = total.values().stream().mapToDouble(Double::doubleValue).min().orElse(a);
        double max = total.values().stream().mapToDouble(Double::doubleValue).max().orElse(a);
        long change = Math.round(b) - Math.round(a);
        return t("Line chart of the km² of Ukraine held by ", "Лінійний графік площі України під контролем ")
                + t(in.series().controller().countryName(), in.series().controller() == Controller.RU ? "Росії"
                        : "України")
                + t(", from ", ", від ") + first + " (" + NumberText.grouped(Math.round(a)) + t(" km²) to ", " км²) до ")
                + last + " (" + NumberText.grouped(Math.round(b)) + t(" km²), a change of ", " км²), зміна ")
                + (change > 0 ? "+" : change < 0 ? "−" : "") + NumberText.grouped(Math.abs(change))
                + t(" km²; lowest ", " км²; найменше ") + NumberText.grouped(Math.round(min))
                + t(", highest ", ", найбільше ") + NumberText.grouped(Math.round(max)) + t(" km², over ", " км², за ")
                + dates.size() + t(" dates.", " дат.");
    }

    private void methodSection() {
        sb.append("<section id=\"method\">\n<h2>").append(t("Method", "Метод")).append("</h2>\n<ul>\n");
        li(t("Every km² is geodesic, on the WGS84 ellipsoid: the area of the Natural Earth boundaries or of their "
                + "intersection with the control polygons, not of a map projection.",
                "Кожен км² геодезичний, на еліпсоїді WGS84: площа меж Natural Earth або їхнього перетину з "
                        + "полігонами контролю, а не площа на проєкції карти."));
        li(table.convention());
        if (table.measured()) {
            Attribution a = in.measure().attribution();
            li(a == Attribution.NEAREST
                    ? t("Attribution 'nearest': held ground beyond the boundaries (sea, coast, across the border) "
                            + "is booked to the nearest Ukrainian region, so Ukraine's total equals the polygons' "
                            + "own area; the mismatch column shows what was moved.",
                            "Атрибуція «nearest»: утримувану територію поза межами (море, узбережжя, за кордоном) "
                                    + "віднесено до найближчої області України, тож підсумок України дорівнює площі "
                                    + "самих полігонів; стовпець mismatch показує перенесене.")
                    : t("Attribution 'clip': each region is intersected with the polygons as they fall; ground "
                            + "beyond the boundaries is an 'outside' row.",
                            "Атрибуція «clip»: кожну область перетнуто з полігонами як є; територія поза межами — "
                                    + "рядок «outside»."));
        } else {
            li(t("The table restates the report's figures on each region's area; a qualified figure (more than, "
                    + "less than, about) is used as it stands, and its note says so.",
                    "Таблиця переносить цифри звіту на площу кожної області; цифру з уточненням (понад, менше, "
                            + "близько) взято як є, і примітка це каже."));
        }
        String pp = NumberText.plain(ClaimCheck.PERCENT_TOLERANCE_PP);
        String km2 = NumberText.plain(100 * ClaimCheck.KM2_TOLERANCE);
        li(t("The check reads each figure of the report as an interval (±" + pp + " percentage points around "
                + "an exact or 'about' percent, ±" + km2 + "% around a km² figure; 'more than 70%' is [70, 100]%) and tests the value "
                + "against it.", "Перевірка читає кожну цифру звіту як проміжок (±" + pp + " відсоткового пункту "
                + "довкола точної чи приблизної частки, ±" + km2 + "% довкола цифри в км²; «понад 70%» — це [70, 100]%) і порівнює з ним "
                + "значення."));
        li(t("Made with controlmap: the same inputs give the same files, byte for byte.",
                "Зроблено controlmap: ті самі вхідні дані дають ті самі файли, байт у байт."));
        sb.append("</ul>\n</section>\n");
    }

    private void creditsSection() {
        sb.append("<section id=\"credits\">\n<h2>").append(t("Sources and licences", "Джерела й ліцензії"))
                .append("</h2>\n<ul>\n");
        sb.append("<li>").append(t("Figures shown: ", "Показані дані: ")).append(esc(table.source()))
                .append(table.measured() && table.source().startsWith("DeepStateMap")
                        ? t(" (deepstatemap.live; credit DeepStateMap when you publish).",
                                " (deepstatemap.live; зазначайте DeepStateMap під час публікації).") : ".")
                .append("</li>\n");
        sb.append("<li>").append(t("Report checked: ", "Перевірений звіт: ")).append(citation(in.scenario().source()))
                .append(".</li>\n");
        if (chart != null && !in.series().source().equals(table.source())) {
            sb.append("<li>").append(t("Series: ", "Ряд: ")).append(esc(in.series().source())).append(".</li>\n");
        }
        li(t("Boundaries: Natural Earth (naturalearthdata.com), public domain; official areas: State Statistics "
                + "Service of Ukraine, Rosstat.", "Кордони: Natural Earth (naturalearthdata.com), суспільне "
                + "надбання; офіційні площі: Держстат України, Росстат."));
        li(t("Towns: GeoNames (geonames.org), CC BY 4.0; credit GeoNames with the map.",
                "Міста: GeoNames (geonames.org), ліцензія CC BY 4.0; зазначайте GeoNames разом із картою."));
        li(t("Type: DejaVu Sans (free licence, dejavu-fonts.github.io), embedded in map.png and map.pdf.",
                "Шрифт: DejaVu Sans (вільна ліцензія, dejavu-fonts.github.io), вбудований у map.png і map.pdf."));
        sb.append("</ul>\n</section>\n");
    }

    private void filesSection() {
        sb.append("<section id=\"files\">\n<h2>").append(t("Files in this bundle", "Файли цього пакета"))
                .append("</h2>\n<ul>\n");
        for (ReportBundle.BundleFile f : files) {
            sb.append("<li>").append(link(f.name())).append(" — ").append(esc(f.what())).append(", ")
                    .append(NumberText.grouped(f.bytes().length)).append(t(" bytes", " байтів")).append("</li>\n");
        }
        sb.append("<li>").append(link("index.html")).append(" — ").append(t("this page", "ця сторінка"))
                .append("</li>\n</ul>\n</section>\n");
    }

    private String citation(ScenarioSource s) {
        String text = esc(s.title() != null ? s.title() : s.credit());
        String by = s.publisher() != null && !s.publisher().equals(s.title()) ? ", " + esc(s.publisher()) : "";
        if (s.url() != null && !s.url().isBlank()) {
            return "<a href=\"" + esc(s.url()) + "\">" + text + "</a>" + by;
        }
        return text + by;
    }

    private void li(String text) {
        sb.append("<li>").append(esc(text)).append("</li>\n");
    }

    private static String link(String name) {
        return "<a href=\"" + name + "\"><code>" + name + "</code></a>";
    }

    private static String interval(Interval iv, int digits) {
        return (iv.minOpen() ? "(" : "[") + NumberText.grouped(iv.min(), digits) + ", "
                + NumberText.grouped(iv.max(), digits) + (iv.maxOpen() ? ")" : "]");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Screen: one readable column; print: A4, links spelled out, figures and rows kept whole. */
    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0 auto;
              max-width: 62rem; padding: 1rem 1.25rem 3rem; line-height: 1.45; }
            h1 { font-size: 1.7rem; margin: 0.5rem 0; }
            h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
            .lede { font-size: 1.1rem; }
            figure { margin: 1rem 0; }
            img { max-width: 100%; height: auto; display: block; border: 1px solid #ddd; }
            figcaption, caption { font-size: 0.9rem; color: #444; text-align: left; margin: 0.4rem 0; }
            table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 0.25rem 0.4rem; vertical-align: top; }
            thead th { border-bottom: 2px solid #888; text-align: left; }
            tbody th { text-align: left; font-weight: normal; }
            tfoot th { border-top: 2px solid #888; }
            .num { text-align: right; white-space: nowrap; }
            .controlmap-areas tr > :nth-child(2) { white-space: nowrap; }
            tr.not-met td:first-child { color: #a40000; }
            tr.unmeasured td:first-child { color: #666; }
            .controlmap-notes, #method, #credits { font-size: 0.9rem; }
            code { font-size: 0.9em; }
            @media print {
              @page { size: A4; margin: 15mm 12mm; }
              body { max-width: none; padding: 0; font-size: 9.5pt; }
              h2 { break-after: avoid; page-break-after: avoid; }
              figure, tr, li { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              img { border: none; max-height: 235mm; width: auto; margin: 0 auto; }
              a { color: inherit; text-decoration: none; }
              a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
              #map { break-after: page; page-break-after: always; }
            }
            """;
}
