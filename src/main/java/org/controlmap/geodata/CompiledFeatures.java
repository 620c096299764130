package org.controlmap.geodata;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The bundled boundaries in the form the jar ships them: the features of a
 * GeoJSON file with their text properties and their geometry as Well-Known
 * Binary (JTS {@link WKBWriter}, 2D, exact doubles). The build writes it from
 * {@code geodata/*.geojson} after reading and validating them with
 * {@link GeoJsonReader}; at start-up reading it takes a few milliseconds where
 * parsing the GeoJSON text takes most of a short run. The GeoJSON stays the
 * source of truth; this is a build product, like a class file.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic "CMF1", feature
 * count; per feature: property count, (key, value) pairs as modified UTF-8,
 * WKB length, WKB bytes. Non-text property values are written as their text.
 */
public final class CompiledFeatures {
    private static final int MAGIC = 0x434d4631; // "CMF1"

    /**
     * Property the build adds to each bundled feature: its geodesic area in km²
     * by {@link GeodesicArea}, as {@link Double#toString} writes it (exact).
     */
    public static final String AREA_KM2 = "geodesic_area_km2";

    private CompiledFeatures() {
    }

    public static void write(List<GeoFeature> features, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        WKBWriter wkb = new WKBWriter(2);
        d.writeInt(MAGIC);
        d.writeInt(features.size());
        for (GeoFeature f : features) {
            Map<String, String> text = new LinkedHashMap<>();
            f.properties().forEach((k, v) -> {
                if (v != null) {
                    text.put(k, v.toString());
                }
            });
            d.writeInt(text.size());
            for (Map.Entry<String, String> e : text.entrySet()) {
                d.writeUTF(e.getKey());
                d.writeUTF(e.getValue());
            }
            byte[] g = wkb.write(f.geometry());
            d.writeInt(g.length);
            d.write(g);
        }
        d.flush();
    }

    /** Reads features written by {@link #write}; {@code name} is for messages. */
    public static List<GeoFeature> read(InputStream in, String name) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new IOException(name + ": not a compiled feature file");
        }
        int n = d.readInt();
        List<GeoFeature> out = new ArrayList<>(n);
        WKBReader wkb = new WKBReader();
        for (int i = 0; i < n; i++) {
            int np = d.readInt();
            Map<String, Object> props = new LinkedHashMap<>();
            for (int k = 0; k < np; k++) {
                props.put(d.readUTF(), d.readUTF());
            }
            byte[] g = new byte[d.readInt()];
            d.readFully(g);
            Geometry geom;
            try {
                geom = wkb.read(g);
            } catch (ParseException e) {
                throw new IOException(name + ": feature " + i + ": " + e.getMessage(), e);
            }
            out.add(new GeoFeature(i, props, geom));
        }
        return out;
    }
}
