package org.controlmap.render;

import org.controlmap.control.NumberText;

import org.controlmap.control.Attribution;

import org.controlmap.control.Allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.controlmap.control.AmountUnit;
import org.controlmap.control.ControlStatement;
import org.controlmap.control.Controller;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.Place;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;

/**
 * Every word and number the map shows, in English or Ukrainian. Numbers are
 * formatted without the JVM locale (Ukrainian uses a decimal comma and a
 * narrow space for thousands) so output does not depend on the machine.
 */
final class MapWording {
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] MONTHS_UK = {"січень", "лютий", "березень", "квітень", "травень", "червень",
        "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"};
    private static final String[] MONTHS_UK_GEN = {"січня", "лютого", "березня", "квітня", "травня", "червня",
        "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"};

    private final boolean uk;

    MapWording(String lang) {
        this.uk = "uk".equals(lang);
    }

    String lang() {
        return uk ? "uk" : "en";
    }

    /** Region name for a label: Ukrainian without the word "область" or "місто", which the map makes obvious. */
    String labelName(Region r) {
        if (!uk) {
            return r.nameEn();
        }
        String n = r.nameUk() == null ? r.nameEn() : r.nameUk();
        n = n.replaceFirst("\\s+область$", "").replaceFirst("^місто\\s+", "");
        return n.replace("Автономна Республіка Крим", "АР Крим");
    }

    String fullName(Region r) {
        String n = r.name(lang());
        return n == null ? r.nameEn() : n;
    }

    String title(LocalDate date) {
        String base = uk ? "Територія під контролем Росії" : "Territory held by Russia";
        if (date == null) {
            return base;
        }
        int m = date.getMonthValue() - 1;
        return base + ", " + (uk ? MONTHS_UK[m] : MONTHS_EN[m]) + " " + date.getYear();
    }

    String subtitle(LocalDate date, String source, MapMode mode) {
        StringBuilder sb = new StringBuilder();
        if (date != null) {
            sb.append(uk ? "Станом на " + date.getDayOfMonth() + " " + MONTHS_UK_GEN[date.getMonthValue() - 1] + " "
                    + date.getYear() + " р." : "As of " + date.getDayOfMonth() + " " + MONTHS_EN[date.getMonthValue() - 1]
                    + " " + date.getYear());
        } else {
            // As the table caption and the command line's warning put it.
            sb.append(uk ? "Дату в даних не вказано" : "No date in the data");
        }
        if (source != null && !source.isBlank()) {
            sb.append(uk ? " · Дані: " : " · Figures: ").append(source);
        }
        sb.append(" · ").append(switch (mode) {
            case SCHEMATIC -> uk ? "схема" : "schematic map";
            case CHOROPLETH -> uk ? "частка кожної області" : "share of each region";
            case POLYGONS -> uk ? "межі контролю за джерелом" : "control lines as mapped by the source";
        });
        return sb.toString();
    }

    /** The footer line saying what the percentages are shares of, and for measured maps how ground was booked. */
    String basis(Allocation a) {
        if (!a.measured() || a.attribution() != Attribution.NEAREST) {
            return basis(a.basis());
        }
        String front = a.frontKm() == null ? "" : uk
                ? " Темна лінія — фронт, " + NumberText.grouped(Math.round(a.frontKm())).replace(',', ' ') + " км."
                : " Dark line: the front, " + NumberText.grouped(Math.round(a.frontKm())) + " km.";
        return nearestBasis(a, false) + front;
    }

    /**
     * {@link #basis(Allocation)} for a framed map ({@code --focus}, {@code --bbox}), whose reader sees part of
     * the country: Ukraine's share is said to be of the whole country, and the front's length is given within
     * the frame and in all ("the front: 212 km in this view, 1,187 km in all").
     *
     * @param framedFrontKm the front's length within the frame, km, or null when there is no front line
     */
    String basisFramed(Allocation a, Double framedFrontKm) {
        if (!a.measured() || a.attribution() != Attribution.NEAREST) {
            return basis(a.basis());
        }
        String front = "";
        if (a.frontKm() != null) {
            String all = NumberText.grouped(Math.round(a.frontKm()));
            String shown = framedFrontKm == null ? null : NumberText.grouped(Math.round(framedFrontKm));
            front = uk
                    ? " Темна лінія — фронт" + (shown == null ? "," : ": " + shown.replace(',', ' ') + " км у кадрі,")
                            + " " + all.replace(',', ' ') + " км загалом."
                    : " Dark line: the front" + (shown == null ? "," : ", " + shown + " km in view,") + " "
                            + all + " km in all.";
        }
        return nearestBasis(a, true) + front;
    }

    /** What shares are of under nearest attribution; {@code framed}: Ukraine's is said to be the whole country's. */
    private String nearestBasis(Allocation a, boolean framed) {
        String of = a.basis() == AreaBasis.OFFICIAL ? (uk ? "офіційної площі" : "official area")
                : (uk ? "площі в межах" : "area within its boundary");
        return uk
                ? "Частка області — від її " + of + ", з ділянками поза межами, віднесеними до найближчої області;"
                        + " частка України — від 603 628 км²" + (framed ? ", уся країна." : ".")
                : "Region shares: of its " + of + ", with held ground beyond every boundary booked to the nearest "
                        + "region; Ukraine's: of 603,628 km²" + (framed ? ", the whole country." : ".");
    }

    String basis(AreaBasis basis) {
        if (basis == AreaBasis.OFFICIAL) {
            return uk ? "Відсотки — частка офіційної площі кожної області; км² — та сама частка від неї."
                    : "Percentages are shares of each region's official area; km² are those shares of it.";
        }
        return uk ? "Відсотки — частка геодезичної площі (WGS84) меж області на карті."
                : "Percentages are shares of each region's geodesic area (WGS84) within the mapped boundary.";
    }

    String attribution(String source) {
        String s = source == null || source.isBlank() ? (uk ? "не вказано" : "not given") : source;
        return uk ? "Кордони: Natural Earth. Дані: " + s + ". Проєкція: конічна рівнокутна Ламберта (46°, 51°, 32° сх. д.)."
                : "Boundaries: Natural Earth. Figures: " + s + ". Projection: Lambert conformal conic (46°, 51°, 32°E).";
    }

    /** A river's or reservoir's name in the map's language (the English one where there is no Ukrainian). */
    String waterName(String en, String ukName) {
        return uk && !ukName.isBlank() ? ukName : en;
    }

    /** A town's name in the map's language (the English one where the gazetteer has no Ukrainian). */
    String townName(String en, String ukName) {
        return uk && !ukName.isBlank() ? ukName : en;
    }

    /** The footer's credit for the towns' data (GeoNames, CC BY 4.0: {@link Place#ATTRIBUTION}). */
    String townsCredit() {
        return uk ? "Міста: GeoNames (CC BY 4.0)" : Place.ATTRIBUTION;
    }

    String heldBy(Controller c) {
        return c == Controller.RU ? (uk ? "Під контролем Росії" : "Held by Russia")
                : (uk ? "Під контролем України (у Росії)" : "Held by Ukraine (in Russia)");
    }

    String restOfUkraine() {
        return uk ? "Решта України" : "Rest of Ukraine";
    }

    String schematicNote() {
        return uk ? "Схема: площа в масштабі, лінія — не реальний фронт" : "Schematic: area to scale, line not a real front";
    }

    String shareHeading(Controller c) {
        return c == Controller.RU ? (uk ? "Частка під контролем Росії" : "Share held by Russia")
                : (uk ? "Частка під контролем України (у Росії)" : "Share held by Ukraine (in Russia)");
    }

    String none() {
        return uk ? "немає" : "none";
    }

    String under(double pct) {
        return (uk ? "менше " : "under ") + pct(pct);
    }

    String over(double pct) {
        return (uk ? "понад " : "over ") + pct(pct);
    }

    String range(double lo, double hi) {
        return plain(lo) + "–" + pct(hi);
    }

    String km() {
        return uk ? "км" : "km";
    }

    String scaleNote(double lat) {
        return uk ? "масштаб на " + plain(lat) + "° пн. ш." : "scale at " + plain(lat) + "°N";
    }

    /**
     * Label line with the figure as far as the source supports it: "70% · 19,100 km²"
     * (Russian-held), "UA ≈2.2% · ≈650 km²" (Ukrainian-held in Russia, "about"),
     * ">70% · >19,000 km²" (a lower bound), "<3% · <950 km²" (an upper bound),
     * "80%* · 21,300 km²" (a figure the source gives for several regions together,
     * see {@link #groupNote}), "a sliver" (no figure given: the drawn area is nominal).
     */
    String figure(RegionControl rc, boolean withKm2) {
        String who = rc.controller() == Controller.UA ? (uk ? "ЗСУ " : "UA ") : "";
        Qualifier q = rc.qualifier();
        if (q == Qualifier.SLIVER) {
            return who + sliver();
        }
        String star = isGroupFigure(rc) ? "*" : "";
        String p = who + mark(q) + pct(rc.controlledPct()) + star;
        return withKm2 ? p + " · " + roundedKm2(rc.controlledKm2(), q) + " " + km2Unit() : p;
    }

    /** How a qualified figure is marked on the map: ">" lower bound, "<" upper bound, "≈" approximate. */
    private static String mark(Qualifier q) {
        return switch (q) {
            case MORE_THAN -> ">";
            case LESS_THAN -> "<";
            case ABOUT -> "≈";
            default -> "";
        };
    }

    /**
     * True when the row's figure is the source's figure for several regions together, drawn for each, or
     * what such a figure leaves after the other members' own figures: either way not a figure the source
     * gave for this region.
     */
    static boolean isGroupFigure(RegionControl rc) {
        ControlStatement s = rc.statement();
        return s != null && s.regions().size() > 1 && s.qualifier() != Qualifier.ALL;
    }

    /** "a sliver": a part the source does not quantify. */
    String sliver() {
        return uk ? "невелика частина" : "a sliver";
    }

    /**
     * Footnote for a group figure, naming the regions it is for: "* 80%: Donetsk and
     * Luhansk together" (each is drawn and labelled with it).
     */
    String groupNote(RegionControl rc) {
        ControlStatement s = rc.statement();
        List<String> names = s.regions().stream().map(this::labelName).toList();
        String last = names.get(names.size() - 1);
        String rest = String.join(", ", names.subList(0, names.size() - 1));
        String together = rest + (uk ? " і " : " and ") + last + (uk ? " разом" : " together");
        if (!rc.isRemainder()) {
            return "* " + mark(s.qualifier()) + pct(rc.controlledPct()) + ": " + together;
        }
        // "* 62%: Donetsk, the rest of 80% for Luhansk and Donetsk together": the source's figure is the group's
        double groupPct = s.unit() == AmountUnit.PERCENT && s.amount() != null ? s.amount()
                : s.amount() == null ? 100 : 100 * s.amount()
                        / s.regions().stream().mapToDouble(r -> r.areaKm2(rc.basis())).sum();
        return "* " + mark(rc.qualifier()) + pct(rc.controlledPct()) + ": " + labelName(rc.region())
                + (uk ? ", решта з " : ", the rest of ") + mark(s.qualifier()) + pct(groupPct)
                + (uk ? " для " : " for ") + together;
    }

    /** Footnote for bounds: what ">" and "<" mean and how such a share is drawn. */
    String boundNote(boolean lower, boolean upper) {
        String marks = lower && upper ? "> / <" : lower ? ">" : "<";
        String words = uk ? (lower && upper ? "більше / менше за цифру джерела" : lower ? "більше за цифру джерела"
                : "менше за цифру джерела") + "; показано за цією цифрою"
                : (lower && upper ? "more / less than the source's figure" : lower ? "more than the source's figure"
                : "less than the source's figure") + "; drawn at that figure";
        return marks + ": " + words;
    }

    /** Footnote for a part the source does not quantify: how it is drawn. */
    String sliverNote(double pct) {
        return uk ? "«невелика частина»: цифри немає, показано " + pct(pct)
                : "\u201Ca sliver\u201D: no figure given, drawn as " + pct(pct);
    }

    String km2Unit() {
        return uk ? "км²" : "km²";
    }

    /** Tooltip: name, share, km² of the area, basis and the figure as the source gave it. */
    String tooltip(Region r, Controller c, double pct, double km2, double regionKm2, AreaBasis basis, String figure) {
        String name = fullName(r);
        if (c == null) {
            return name + ": " + (uk ? "0% під контролем Росії (площа " : "0% held by Russia (area ")
                    + grouped(regionKm2) + " " + km2Unit() + ")";
        }
        String who = c == Controller.RU ? (uk ? "під контролем Росії" : "held by Russia")
                : (uk ? "під контролем України" : "held by Ukraine");
        String basisWord = basis == AreaBasis.OFFICIAL ? (uk ? "офіційної площі" : "official area")
                : (uk ? "геодезичної площі" : "geodesic area");
        StringBuilder sb = new StringBuilder(name).append(": ").append(pct(pct)).append(' ').append(who)
                .append(" (").append(grouped(km2)).append(uk ? " з " : " of ").append(grouped(regionKm2)).append(' ')
                .append(km2Unit()).append(", ").append(basisWord);
        if (figure != null && !figure.isBlank()) {
            sb.append(uk ? "; джерело: " : "; source: ").append(figure);
        }
        return sb.append(')').toString();
    }

    /** "70%", "2.9%", "0.5%": whole percent from 10 up, one decimal below (Ukrainian with a comma). */
    String pct(double p) {
        BigDecimal b = BigDecimal.valueOf(p).setScale(p >= 10 ? 0 : 1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return localise(b.toPlainString()) + "%";
    }

    String plain(double v) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return localise(b.toPlainString());
    }

    /**
     * km² for a label, marked as {@link #mark} says, rounded to 1 below 10, to 10
     * below 1,000 and to 100 above; so that a bound stays a bound, a lower bound
     * (">") down and an upper bound ("<") up ("<3%" of Kharkiv is 942 km²: "<950",
     * not "<940"). Under half a km² is "<1" (a lower bound under 1 km², ">0").
     */
    String roundedKm2(double km2, Qualifier q) {
        double step = km2 < 10 ? 1 : km2 < 1000 ? 10 : 100;
        double steps = km2 / step;
        double r = step * switch (q) {
            case MORE_THAN -> Math.floor(steps);
            case LESS_THAN -> Math.ceil(steps);
            default -> Math.round(steps);
        };
        if (r == 0) {
            return q == Qualifier.MORE_THAN ? ">0" : "<1";
        }
        return mark(q) + grouped(r);
    }

    /** Whole km², thousands grouped: "19,098" / "19 098". */
    String grouped(double v) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (uk) {
            sym.setGroupingSeparator('\u00a0');
        }
        return new DecimalFormat("#,##0", sym).format(Math.round(v));
    }

    private String localise(String plain) {
        return uk ? plain.replace('.', ',') : plain;
    }

    /** Names of the context labels: countries and seas. */
    String place(String key) {
        return switch (key) {
            case "BY" -> uk ? "БІЛОРУСЬ" : "BELARUS";
            case "RU" -> uk ? "РОСІЯ" : "RUSSIA";
            case "PL" -> uk ? "ПОЛЬЩА" : "POLAND";
            case "MD" -> uk ? "МОЛДОВА" : "MOLDOVA";
            case "RO" -> uk ? "РУМУНІЯ" : "ROMANIA";
            case "SK" -> uk ? "СЛОВАЧЧИНА" : "SLOVAKIA";
            case "HU" -> uk ? "УГОРЩИНА" : "HUNGARY";
            case "BLACK" -> uk ? "Чорне море" : "Black Sea";
            case "AZOV" -> uk ? "Азовське море" : "Sea of Azov";
            default -> key;
        };
    }
}
