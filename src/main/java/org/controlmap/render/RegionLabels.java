package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The region labels of a control map: each region's name, with its figure
 * when someone holds part of it, inside the region where it fits (full label,
 * then without km², then smaller type, then the name on two lines), else
 * outside with a leader line, else not at all. Regions with the least room are
 * placed first; every label keeps clear of the legend and of the labels placed
 * before it ({@link LabelPlacer}).
 */
final class RegionLabels {
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * Where a region's label sits best: the centre of the largest inscribed
     * circle (pole of inaccessibility) of its largest part, found to a pixel.
     *
     * @param part   the region's largest simplified part, px
     * @param anchor the circle's centre, px
     * @param radius its radius, px (how much room the region has)
     */
    record Spot(Polygon part, Coordinate anchor, double radius) {
        /** The spot of a region's simplified outline (px); null when it has no polygon. */
        static Spot of(Geometry simple) {
            Polygon part = Polygons.largest(simple);
            if (part == null) {
                return null;
            }
            MaximumInscribedCircle mic = new MaximumInscribedCircle(part, 1.0);
            return new Spot(part, mic.getCenter().getCoordinate(), mic.getRadiusLine().getLength());
        }

        /** The centre, copied. */
        @Override
        public Coordinate anchor() {
            return anchor.copy();
        }
    }

    /** A label to place: region {@code index}'s lines, full and without km². */
    private record Job(int index, Spot spot, List<String> full, List<String> compact, int figureColor) {
    }

    /** One way of setting a label: its lines (the name, then the figure) and type sizes, px. */
    private record Variant(List<String> lines, double nameSize, double figureSize) {
    }

    private final MapWording words;
    private final double u;

    /**
     * @param words the map's language
     * @param u     px per px of a 1,600 px wide map (sizes scale with the width)
     */
    RegionLabels(MapWording words, double u) {
        this.words = words;
        this.u = u;
    }

    /**
     * Places a label for every region that has room, blocking each in {@code placer}.
     *
     * @param rowsByIso who holds part of each region, first row labelled (regions held by nobody: name only)
     */
    Group place(BaseMap base, Map<String, List<RegionControl>> rowsByIso, LabelPlacer placer) {
        List<Region> regions = base.regions();
        Envelope frame = base.frame();
        double nameSize = 17 * u;
        double figSize = 15 * u;
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            Spot spot = base.spot(i);
            if (spot == null) {
                continue;
            }
            String name = words.labelName(r);
            List<RegionControl> rows = rowsByIso.getOrDefault(r.iso(), List.of());
            List<String> full;
            List<String> compact;
            int color = Palette.TEXT_RU;
            if (rows.isEmpty()) {
                full = List.of(name);
                compact = full;
            } else {
                RegionControl rc = rows.get(0);
                color = rc.controller() == Controller.UA ? Palette.TEXT_UA : Palette.TEXT_RU;
                full = List.of(name, words.figure(rc, true));
                compact = List.of(name, words.figure(rc, false));
            }
            jobs.add(new Job(i, spot, full, compact, color));
        }
        // Most constrained first: small regions have the fewest places for a label.
        jobs.sort(Comparator.comparingDouble((Job j) -> j.spot().radius()).thenComparingInt(Job::index));

        Coordinate centre = new Coordinate(frame.centre().x, frame.centre().y);
        Map<Integer, Group> byIndex = new LinkedHashMap<>();
        List<Job> outside = new ArrayList<>();
        double smallName = 14 * u;
        double smallFig = 12.5 * u;
        for (Job job : jobs) {
            PreparedGeometry area = PreparedGeometryFactory.prepare(job.spot().part());
            // Full label, then without km², then smaller type; failing all, outside with a leader line.
            List<String> split = new ArrayList<>(job.compact());
            split.set(0, splitName(split.get(0)));
            List<Variant> variants = List.of(new Variant(job.full(), nameSize, figSize),
                    new Variant(job.compact(), nameSize, figSize), new Variant(job.compact(), smallName, smallFig),
                    new Variant(split, smallName, smallFig));
            boolean done = false;
            for (Variant v : variants) {
                double[] box = boxSize(v.lines(), v.nameSize(), v.figureSize());
                Coordinate c = placer.inside(area, job.spot().anchor(), box[0], box[1], 6 * u);
                if (c != null) {
                    placer.block(LabelPlacer.box(c.x, c.y, box[0], box[1]));
                    byIndex.put(job.index(), labelGroup(regions.get(job.index()), v.lines(), c, box, null,
                            v.nameSize(), v.figureSize(), job.figureColor()));
                    done = true;
                    break;
                }
            }
            if (!done) {
                outside.add(job);
            }
        }
        for (Job job : outside) {
            List<String> lines = job.compact();
            double[] box = boxSize(lines, nameSize, figSize);
            Coordinate c = placer.outside(base.simple().get(job.index()), job.spot().anchor(), centre, 14 * u,
                    400 * u, box[0], box[1], 4 * u);
            if (c == null) {
                continue; // nowhere free: better no label than one on top of another
            }
            placer.block(LabelPlacer.box(c.x, c.y, box[0], box[1]));
            byIndex.put(job.index(), labelGroup(regions.get(job.index()), lines, c, box, job.spot().anchor(),
                    nameSize, figSize, job.figureColor()));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            if (byIndex.containsKey(i)) {
                items.add(byIndex.get(i));
            }
        }
        return new Group("labels", Map.of(), items);
    }

    /**
     * A long name on two lines, broken after its last hyphen ("Ivano-" / "Frankivsk"), at its
     * last space, or before a Ukrainian adjectival ending ("Тернопіль-" / "ська").
     */
    static String splitName(String name) {
        int h = name.lastIndexOf('-');
        if (h > 0 && h < name.length() - 1) {
            return name.substring(0, h + 1) + "\n" + name.substring(h + 1);
        }
        int sp = name.lastIndexOf(' ');
        if (sp > 0) {
            return name.substring(0, sp) + "\n" + name.substring(sp + 1);
        }
        // Ukrainian oblast names are adjectives in -ська, -цька, -зька; breaking before
        // that ending is a syllable and suffix boundary ("Тернопіль-" / "ська").
        for (String ending : new String[] {"ська", "цька", "зька"}) {
            if (name.length() > ending.length() + 2 && name.endsWith(ending)) {
                int at = name.length() - ending.length();
                return name.substring(0, at) + "-\n" + name.substring(at);
            }
        }
        return name;
    }

    /** Width and height, px, of a label's box: its lines with 3 px (at 1,600 px) of padding. */
    private double[] boxSize(List<String> lines, double nameSize, double figSize) {
        TextWidths fonts = TextWidths.get();
        double w = 0;
        double h = 0;
        for (String name : lines.get(0).split("\n")) {
            w = Math.max(w, fonts.width(name, nameSize, true));
            h += nameSize * 1.15;
        }
        for (int k = 1; k < lines.size(); k++) {
            w = Math.max(w, fonts.width(lines.get(k), figSize, false));
            h += figSize * 1.2;
        }
        double pad = 3 * u;
        return new double[] {w + 2 * pad, h + 2 * pad};
    }

    private Group labelGroup(Region r, List<String> lines, Coordinate c, double[] box, Coordinate leaderFrom,
            double nameSize, double figSize, int figColor) {
        List<Item> items = new ArrayList<>();
        if (leaderFrom != null) {
            Coordinate end = nearestOnBox(LabelPlacer.box(c.x, c.y, box[0] - 4 * u, box[1] - 4 * u), leaderFrom);
            LineString leader = GF.createLineString(new Coordinate[] {leaderFrom, end});
            items.add(new Figure(round(leader), Style.line(Palette.WHITE, 3.2 * u), "leader-halo", Map.of(), null));
            items.add(new Figure(round(leader), Style.line(Palette.TEXT, 1.1 * u), "leader", Map.of(), null));
            items.add(new Figure(round(GF.createPoint(leaderFrom).buffer(2.6 * u, 4)),
                    Style.fillAndLine(Palette.TEXT, Palette.WHITE, 0.8 * u), "leader-dot", Map.of(), null));
        }
        double top = c.y - box[1] / 2 + 3 * u;
        double y = top + nameSize * 0.93 - nameSize * 1.15;
        List<Item> texts = new ArrayList<>();
        for (String name : lines.get(0).split("\n")) {
            y += nameSize * 1.15;
            texts.add(new Text(c.x, y, name, nameSize, true, Anchor.MIDDLE, Palette.TEXT, Palette.WHITE, 3.2 * u,
                    "name"));
        }
        for (int k = 1; k < lines.size(); k++) {
            y += figSize * 1.2;
            texts.add(new Text(c.x, y, lines.get(k), figSize, false, Anchor.MIDDLE, figColor, Palette.WHITE, 3.2 * u,
                    "figure"));
        }
        items.addAll(Px.roundTexts(texts));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-iso", r.iso());
        return new Group("label", attrs, items);
    }

    private static Coordinate nearestOnBox(Envelope b, Coordinate p) {
        return new Coordinate(Math.max(b.getMinX(), Math.min(p.x, b.getMaxX())),
                Math.max(b.getMinY(), Math.min(p.y, b.getMaxY())));
    }
}
