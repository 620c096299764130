package org.controlmap.control.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.controlmap.geodata.Quote;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Territory held by each side according to one control file: the polygons of
 * its features, unioned per controller, in longitude/latitude degrees (WGS84).
 *
 * <p>A feature is held by the side named in its {@code controller} property
 * ("RU"/"UA", also "Russia"/"Ukraine"), else by the file's default side (RU
 * unless told otherwise). Features may overlap (one polygon per front sector,
 * a region drawn twice), so they are merged with a full overlay union
 * ({@link OverlayNGRobust#union(java.util.Collection)}), not a coverage union,
 * which assumes edge-matched, non-overlapping inputs; a single valid feature is
 * kept as it is.
 *
 * @param byController the held territory per side, polygonal, never empty; sides holding nothing are absent
 * @param name         the file (or collection) it was read from, for messages and credits
 */
public record ControlPolygons(Map<Controller, Geometry> byController, String name) {

    private static final GeometryFactory GF = new GeometryFactory();

    public ControlPolygons {
        byController = Collections.unmodifiableMap(new EnumMap<>(byController));
    }

    /** Territory held by one side; empty geometry when it holds nothing. */
    public Geometry held(Controller controller) {
        Geometry g = byController.get(controller);
        return g == null ? GF.createMultiPolygon() : g;
    }

    /** The sides that hold anything, RU before UA. */
    public List<Controller> controllers() {
        return List.copyOf(byController.keySet());
    }

    /** Geodesic area of a side's territory, km² (WGS84). */
    public double km2(Controller controller) {
        return GeodesicArea.km2(held(controller));
    }

    /**
     * Reads a control file in any format {@link FeatureFiles} reads (GeoJSON,
     * gzip-compressed GeoJSON, KML, KMZ, GeoPackage, FlatGeobuf), recognised by
     * its content, so the name does not matter (a name ending ".gz" that is not
     * gzip is an error). A file without any polygon is an error: it marks
     * no territory, so it is not what the user meant to give.
     *
     * @param file              the file
     * @param defaultController the side holding features without a {@code controller} property
     * @param warnings          receives one-line warnings from the reader
     */
    public static ControlPolygons read(Path file, Controller defaultController, Consumer<String> warnings) {
        return of(readFeatures(file, warnings), defaultController, file.toString(), warnings);
    }

    /**
     * Merges already-read features into held territory per side, by {@link StreamedPolygons} (a list of
     * more than one batch is merged batch by batch, as a file read by {@link ControlFile} is). Features
     * without geometry are skipped; features with a non-polygonal geometry
     * (points, lines) are skipped with a warning when polygons remain, and are
     * an error when nothing polygonal is left, since then the file is not
     * control data at all.
     *
     * @param name names the source in messages ("file.geojson", "file.geojson, 2024-11-20")
     */
    public static ControlPolygons of(List<GeoFeature> features, Controller defaultController, String name) {
        return of(features, defaultController, name, w -> { });
    }

    /** Smallest overlap of RU and UA territory that is warned about, km²: less is drawing noise along a front line. */
    public static final double OVERLAP_WARN_KM2 = 0.01;

    /**
     * {@link #of(List, Controller, String)}, warning (one line, with the
     * geodesic km²) when RU and UA features cover the same ground: each side's
     * figures then count it, so the two add up to more than the land.
     */
    public static ControlPolygons of(List<GeoFeature> features, Controller defaultController, String name,
            Consumer<String> warnings) {
        // One merge for every caller (StreamedPolygons: the non-polygon rule, batches past 8,192 features).
        StreamedPolygons merge = new StreamedPolygons(defaultController, name);
        features.forEach(merge);
        return merge.finish(warnings);
    }

    static void warnOverlap(Map<Controller, Geometry> merged, String name, Consumer<String> warnings) {
        Geometry ru = merged.get(Controller.RU);
        Geometry ua = merged.get(Controller.UA);
        if (ru == null || ua == null || !ru.getEnvelopeInternal().intersects(ua.getEnvelopeInternal())) {
            return;
        }
        Geometry both;
        try {
            both = OverlayNGRobust.overlay(ru, ua, OverlayNG.INTERSECTION);
        } catch (RuntimeException e) {
            return; // the union above succeeded; a failed check is no reason to refuse the file
        }
        double km2 = GeodesicArea.km2(both);
        if (km2 >= OVERLAP_WARN_KM2) {
            warnings.accept(name + ": RU and UA features overlap over " + String.format(Locale.ROOT, "%,.2f", km2)
                    + " km²; both sides' figures count that ground (check the controller properties)");
        }
    }

    /** Territory given directly (tests, callers with geometry in hand). */
    public static ControlPolygons of(Controller controller, Geometry held, String name) {
        Map<Controller, Geometry> m = new EnumMap<>(Controller.class);
        if (held != null && !held.isEmpty()) {
            m.put(controller, held);
        }
        return new ControlPolygons(m, name);
    }

    static Controller controllerOf(GeoFeature f, Controller defaultController, String name) {
        String s = f.string("controller");
        if (s == null || s.isBlank()) {
            return defaultController;
        }
        Controller c = Controller.parse(s);
        if (c == null) {
            throw new InputException(name + ": feature " + f.index() + ": controller \"" + Quote.cut(s)
                    + "\" is neither RU nor UA");
        }
        return c;
    }

    /** Fewest features for which a coverage is looked for before the full union ({@link #union}). */
    static final int COVERAGE_MIN_FEATURES = 256;

    /**
     * The union of the features' polygons. Many features that form a polygonal coverage (no overlaps, shared
     * edges with the same vertices: a grid, a tiling of sectors) are merged by dropping their shared edges
     * ({@link CoverageUnion}), in time and memory proportional to their vertices; the full overlay union
     * nodes every edge against every other and, on 90,000 grid squares, took most of a minute. Whether they
     * form a coverage is checked first ({@link CoverageValidator}); otherwise, or for a few features, the
     * full union, which gives the same ground.
     */
    static Geometry union(List<Geometry> gs, String name) {
        try {
            if (gs.size() >= COVERAGE_MIN_FEATURES) {
                Geometry[] coverage = gs.toArray(Geometry[]::new);
                if (CoverageValidator.isValid(coverage)) {
                    return CoverageUnion.union(coverage);
                }
            }
            return OverlayNGRobust.union(gs);
        } catch (RuntimeException e) {
            // OverlayNGRobust already retried with snapping; what is left is a broken input.
            throw new InputException(name + ": cannot merge the polygons of its features (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the features of a control file in any format {@link FeatureFiles} reads. */
    static List<GeoFeature> readFeatures(Path file, Consumer<String> warnings) {
        return readDocument(file, FeatureSelection.ALL, warnings).features();
    }

    /** Reads a control file: its features and the document's own members. */
    static GeoJsonReader.Document readDocument(Path file, Consumer<String> warnings) {
        return readDocument(file, FeatureSelection.ALL, warnings);
    }

    /**
     * Reads a control file (GeoJSON, .geojson.gz, KML, KMZ, GeoPackage, FlatGeobuf: {@link FeatureFiles}),
     * keeping the features {@code selection} picks (its layer, its {@code --where} conditions).
     */
    static GeoJsonReader.Document readDocument(Path file, FeatureSelection selection, Consumer<String> warnings) {
        String name = file.toString();
        GeoJsonReader.Document doc = FeatureFiles.read(file, selection.layer(), selection.maxBytes(), warnings);
        List<GeoFeature> features = selection.apply(doc.features(), name);
        boolean polygons = features.stream().anyMatch(f -> f.geometry() instanceof Polygonal
                && !f.geometry().isEmpty());
        if (!polygons) {
            throw new InputException(name + ": no Polygon or MultiPolygon features" + (features == doc.features()
                    ? "" : " among those --where selects") + ": control files mark held territory with polygons"
                    + " (points and lines are skipped)");
        }
        return features == doc.features() ? doc
                : new GeoJsonReader.Document(features, doc.members(), doc.properties());
    }
}
