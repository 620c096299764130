package org.controlmap.control.schematic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;

/**
 * The part of a region a schematic map colours as held by one side: its area
 * is to scale, its outline is not a real front line.
 *
 * @param region     the region
 * @param controller who holds it
 * @param geometry   longitude/latitude degrees, WGS84; one {@code Polygon}
 *                   (contiguous), except for a whole region, which keeps all its
 *                   parts and may be a {@code MultiPolygon}
 * @param targetKm2  the area to draw: the row's share × the region's geodesic area, km²
 * @param areaKm2    geodesic area of {@code geometry} on WGS84, km² (within 0.05 % of
 *                   {@code targetKm2} unless the layout could not do better, see
 *                   {@link SchematicLayout})
 * @param grownFrom  where the piece grows from, in words, for captions and checks:
 *                   "whole region", "border with Russia", "Donetsk", "Crimea + Zaporizhzhia",
 *                   "nearest point to Russia", "region centre"
 */
public record SchematicPiece(
        Region region,
        Controller controller,
        Geometry geometry,
        double targetKm2,
        double areaKm2,
        String grownFrom) {

    /** The share of the region's geodesic area the piece stands for, 0–1. */
    public double share() {
        return targetKm2 / region.areaKm2();
    }

    /** True when the piece is the whole region (share ≥ {@value SchematicLayout#WHOLE_SHARE}). */
    public boolean whole() {
        return grownFrom.equals(SchematicLayout.WHOLE);
    }

    /**
     * The piece as a GeoJSON feature for {@code render --export-geojson}, with
     * properties in this order: iso_3166_2, name (English), controller (RU|UA),
     * target_km2 and area_km2 (km², rounded to 0.001), share_pct (percent of the
     * region's geodesic area, rounded to 0.0001), schematic (true: the outline is
     * not a real front), grown_from.
     */
    public GeoJsonWriter.Feature feature() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("iso_3166_2", region.iso());
        p.put("name", region.nameEn());
        p.put("controller", controller.name());
        p.put("target_km2", rounded(targetKm2, 3));
        p.put("area_km2", rounded(areaKm2, 3));
        p.put("share_pct", rounded(100 * share(), 4));
        p.put("schematic", true);
        p.put("grown_from", grownFrom);
        return new GeoJsonWriter.Feature(p, geometry);
    }

    private static BigDecimal rounded(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }
}
