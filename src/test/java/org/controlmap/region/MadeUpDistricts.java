package org.controlmap.region;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.Place;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.geodata.Polygons;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Made-up districts for tests and benchmarks: each of Ukraine's 27 bundled units split into a grid of cells,
 * or into the Voronoi cells of its largest towns (GeoNames, bundled), each cut to the unit's boundary. They
 * are no real raions. Run {@code main} to write them as GeoJSON:
 * {@code MadeUpDistricts voronoi 500 out.geojson} or {@code MadeUpDistricts grid 3 out.geojson}.
 */
public final class MadeUpDistricts {
    private static final GeometryFactory GF = new GeometryFactory();

    private MadeUpDistricts() {
    }

    /** A made-up district: id, name, the unit it was cut from, its shape. */
    public record District(String id, String name, String parent, Geometry geometry) {
    }

    /** Each Ukrainian unit cut by an n × n grid over its bounding box; cells outside it dropped. */
    public static List<District> grid(RegionCatalogue catalogue, int n) {
        List<District> out = new ArrayList<>();
        for (Region r : catalogue.ukraine()) {
            Envelope e = r.geometry().getEnvelopeInternal();
            double w = e.getWidth() / n;
            double h = e.getHeight() / n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Envelope cell = new Envelope(e.getMinX() + i * w, i == n - 1 ? e.getMaxX() : e.getMinX()
                            + (i + 1) * w, e.getMinY() + j * h, j == n - 1 ? e.getMaxY() : e.getMinY() + (j + 1) * h);
                    Geometry part = cut(r.geometry(), GF.toGeometry(cell));
                    if (!part.isEmpty() && GeodesicArea.km2(part) > 0.01) {
                        String id = r.iso() + "-" + i + j;
                        out.add(new District(id, r.nameEn() + " cell " + i + j, r.iso(), part));
                    }
                }
            }
        }
        return out;
    }

    /**
     * About {@code total} districts: each Ukrainian unit gets a share of them by its area (at least one), as
     * the Voronoi cells of its most populous bundled towns, cut to its boundary.
     */
    public static List<District> voronoi(RegionCatalogue catalogue, int total) {
        double ukraine = 0;
        for (Region r : catalogue.ukraine()) {
            ukraine += r.areaKm2();
        }
        List<District> out = new ArrayList<>();
        PlaceCatalogue places = PlaceCatalogue.bundled();
        for (Region r : catalogue.ukraine()) {
            int k = Math.max(1, (int) Math.round(total * r.areaKm2() / ukraine));
            List<Coordinate> sites = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Place p : places.inRegion(r.iso())) { // most populous first
                if (sites.size() == k) {
                    break;
                }
                Coordinate c = new Coordinate(p.lon(), p.lat());
                if (!sites.contains(c)) {
                    sites.add(c);
                    names.add(p.nameEn());
                }
            }
            if (sites.size() < 2) {
                out.add(new District(r.iso() + "-1", r.nameEn() + " (whole)", r.iso(), r.geometry()));
                continue;
            }
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(sites);
            Envelope clip = new Envelope(r.geometry().getEnvelopeInternal());
            clip.expandBy(1);
            vb.setClipEnvelope(clip);
            Geometry cells = vb.getDiagram(GF);
            for (int c = 0; c < cells.getNumGeometries(); c++) {
                Geometry cell = cells.getGeometryN(c);
                Coordinate site = (Coordinate) cell.getUserData();
                int s = sites.indexOf(site);
                Geometry part = cut(r.geometry(), cell);
                if (!part.isEmpty()) {
                    out.add(new District(r.iso() + "-" + (s + 1), names.get(s) + " district", r.iso(), part));
                }
            }
        }
        return out;
    }

    private static Geometry cut(Geometry region, Geometry cell) {
        return Polygons.polygonal(OverlayNGRobust.overlay(region, cell, OverlayNG.INTERSECTION));
    }

    /** The districts as GeoJSON features with {@code id}, {@code name} and {@code parent} properties. */
    public static List<GeoJsonWriter.Feature> features(List<District> districts) {
        List<GeoJsonWriter.Feature> fs = new ArrayList<>();
        for (District d : districts) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", d.id());
            p.put("name", d.name());
            p.put("parent", d.parent());
            fs.add(new GeoJsonWriter.Feature(p, d.geometry()));
        }
        return fs;
    }

    /** Writes districts as a GeoJSON FeatureCollection. */
    public static Path write(List<District> districts, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            GeoJsonWriter.write(features(districts), out);
        }
        return file;
    }

    public static void main(String[] args) throws IOException {
        RegionCatalogue c = RegionCatalogue.bundled();
        int n = Integer.parseInt(args[1]);
        List<District> d = args[0].equals("grid") ? grid(c, n) : voronoi(c, n);
        write(d, Path.of(args[2]));
        System.out.println(d.size() + " made-up districts in " + args[2]);
    }
}
