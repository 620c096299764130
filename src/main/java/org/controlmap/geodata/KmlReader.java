package org.controlmap.geodata;

import org.controlmap.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * Reads the polygons of a KML file (OGC KML 2.2, as Google Earth, Google My Maps and ISW's maps export them),
 * or of a KMZ (a zip whose first {@code .kml} entry is the document).
 *
 * <p>Each {@code Placemark}, in any {@code Document}/{@code Folder} nesting, is one feature, indexed in file
 * order from 0. Its {@code Polygon}s ({@code outerBoundaryIs}, {@code innerBoundaryIs} as holes), also inside
 * {@code MultiGeometry}, become its geometry; points and lines are skipped with a warning, as in GeoJSON. Its
 * properties: {@code name}, {@code description}, {@code styleUrl} (ISW-style maps name the side by style:
 * {@code --where 'styleUrl~russian'} picks it), {@code folder} (the enclosing folders' names joined by
 * {@code " / "}), and each {@code ExtendedData} {@code Data}'s {@code value} and {@code SchemaData}'s
 * {@code SimpleData} by its {@code name}. The first {@code Document}'s {@code name} is the document's
 * {@code name} member, which dates and credits a renamed export as GDAL's layer name does for GeoJSON.
 *
 * <p>Why a parser of our own rather than jts-io-common's {@code org.locationtech.jts.io.kml.KMLReader}: that
 * reads one geometry fragment, not a document, so Placemarks, folders and ExtendedData would still need this
 * walk; it would add a dependency for the few lines that read {@code coordinates}; and its errors do not
 * carry the line and column this reader gives from StAX's {@link Location}.
 *
 * <p>The XML parser is StAX with DTDs and external entities off (no XXE, no billion laughs): a
 * {@code <!DOCTYPE>} or an entity other than the five predefined ones is an error. The document is capped
 * at the input limit ({@link InputLimit}, {@code --max-input-mb}; also uncompressed, inside a KMZ).
 */
final class KmlReader {

    private static final GeometryFactory GF = new GeometryFactory();

    private final Consumer<String> warnings;

    KmlReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Reads a KMZ: its first {@code .kml} entry (by zip order, as Google Earth does), refusing a {@code .kml} entry of more than {@code maxBytes}
     * uncompressed ({@link InputLimit}), handing features to {@code sink} (null: keep them) and telling
     * {@code progress} how far it got in the entry.
     */
    GeoJsonReader.Document readKmz(Path file, long maxBytes, Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry kml = null;
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry z = e.nextElement();
                names.add(z.getName());
                if (kml == null && !z.isDirectory() && z.getName().toLowerCase(Locale.ROOT).endsWith(".kml")) {
                    kml = z;
                }
            }
            if (kml == null) {
                throw new InputException(name + ": a zip archive without a .kml document (it holds "
                        + (names.isEmpty() ? "nothing" : summary(names)) + "); controlmap reads " + FeatureFiles.SUPPORTED);
            }
            ProgressCounter counter = new ProgressCounter(progress, kml.getSize());
            GeoJsonReader.Document doc;
            try (InputStream in = new CappedInputStream(counter.count(zip.getInputStream(kml)), maxBytes)) {
                doc = read(in, name + "!/" + kml.getName(), sink == null ? null : counter.count(sink));
            }
            counter.finish();
            return doc;
        } catch (CappedInputStream.CapExceeded e) {
            throw InputLimit.tooLarge(name, "its KML is larger than " + maxBytes + " bytes uncompressed", maxBytes);
        } catch (ZipException e) {
            throw new InputException(name + ": not a readable zip archive, truncated or corrupt ("
                    + Quote.reason(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read the zip archive, truncated or corrupt ("
                    + Quote.reason(e.getMessage()) + ")", e);
        }
    }

    private static String summary(List<String> names) {
        List<String> shown = names.size() > 5 ? names.subList(0, 5) : names;
        return String.join(", ", shown) + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    /**
     * Reads KML from a stream, which is left open, handing each feature to {@code sink} as it is read.
     *
     * @param name how messages name the input ({@code file.kml}, {@code file.kmz!/doc.kml})
     * @param sink receives the features, or null to keep them in the document returned (which has none
     *             otherwise)
     */
    GeoJsonReader.Document read(InputStream in, String name, Consumer<GeoFeature> sink) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        Parse parse = new Parse(name, sink);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            parse.run(r);
        } catch (XMLStreamException e) {
            CappedInputStream.CapExceeded cap = capExceeded(e);
            if (cap != null) { // StAX wraps the stream's refusal: say it as the input limit, not as bad XML
                throw InputLimit.tooLarge(name, "larger than " + cap.maxBytes + " bytes of (uncompressed) KML",
                        cap.maxBytes);
            }
            Location l = e.getLocation() != null ? e.getLocation() : r == null ? null : r.getLocation();
            throw InputException.at(name, l == null ? 0 : l.getLineNumber(), l == null ? 0 : l.getColumnNumber(),
                    "not well-formed XML: " + xmlMessage(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the caller's; nothing more to release
                }
            }
        }
        Map<String, Object> members = new LinkedHashMap<>();
        if (parse.documentName != null) {
            members.put("name", parse.documentName);
        }
        return new GeoJsonReader.Document(parse.out.finish(), members, Map.of());
    }

    /** The cap refusal inside a StAX exception, or null. */
    private static CappedInputStream.CapExceeded capExceeded(XMLStreamException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++) { // bounded: a cause chain may loop
            if (t instanceof CappedInputStream.CapExceeded cap) {
                return cap;
            }
            t = t.getCause() != null ? t.getCause() : t instanceof XMLStreamException x ? x.getNestedException() : null;
        }
        return null;
    }

    /** The parser's own words, without its "ParseError at [row,col]:[5,1] Message:" prefix. */
    private static String xmlMessage(XMLStreamException e) {
        String m = Quote.reason(e.getMessage());
        int k = m.indexOf("Message:");
        return k >= 0 ? m.substring(k + 8).trim() : m;
    }

    /** One walk through one document. */
    private final class Parse {
        private final String name;
        private final FeatureCollector out;
        private XMLStreamReader r;
        private String documentName;
        private final Deque<String> folders = new ArrayDeque<>();
        private int placemarks;

        Parse(String name, Consumer<GeoFeature> sink) {
            this.name = name;
            this.out = new FeatureCollector(name, warnings, sink);
        }

        void run(XMLStreamReader reader) throws XMLStreamException {
            r = reader;
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, processing instructions
            }
            if (!r.isStartElement()) {
                throw located("no XML element: empty KML document");
            }
            if (!"kml".equals(r.getLocalName())) {
                throw located("root element is <" + r.getLocalName() + ">, not <kml>: not a KML document");
            }
            container(null);
        }

        /** Walks the children of the current element (kml, Document, Folder) until its end. */
        private void container(String label) throws XMLStreamException {
            boolean named = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (named) {
                        folders.pop();
                    }
                    return;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Document", "Folder" -> container(r.getLocalName());
                    case "Placemark" -> placemark();
                    case "name" -> {
                        String n = r.getElementText().strip();
                        if ("Document".equals(label) && documentName == null) {
                            documentName = n;
                        }
                        if ("Folder".equals(label) && !named) {
                            folders.push(n);
                            named = true;
                        }
                    }
                    default -> skip();
                }
            }
        }

        private void placemark() throws XMLStreamException {
            Location at = r.getLocation();
            int index = placemarks++;
            Map<String, Object> props = new LinkedHashMap<>();
            List<Geometry> parts = new ArrayList<>();
            if (!folders.isEmpty()) {
                List<String> path = new ArrayList<>(folders);
                java.util.Collections.reverse(path);
                props.put("folder", String.join(" / ", path));
            }
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "name", "description", "styleUrl" -> props.put(r.getLocalName(), r.getElementText().strip());
                    case "ExtendedData" -> extendedData(props);
                    default -> geometry(r.getLocalName(), parts);
                }
            }
            Object n = props.get("name");
            String where = InputException.at(name, at.getLineNumber(), at.getColumnNumber(), "Placemark " + index
                    + (n == null ? "" : " (\"" + n + "\")")).getMessage();
            Geometry g = parts.isEmpty() ? null
                    : parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts);
            out.add(index, props, g, where);
        }

        /** Reads one element of a Placemark that is not a property: a geometry, or something skipped. */
        private void geometry(String element, List<Geometry> parts) throws XMLStreamException {
            switch (element) {
                case "MultiGeometry" -> {
                    while (nextChild()) {
                        geometry(r.getLocalName(), parts);
                    }
                }
                case "Polygon" -> parts.add(polygon());
                case "Point", "LineString", "LinearRing" -> {
                    List<Coordinate> cs = null;
                    while (nextChild()) {
                        if ("coordinates".equals(r.getLocalName())) {
                            cs = coordinates();
                        } else {
                            skip();
                        }
                    }
                    if (cs != null && !cs.isEmpty()) {
                        parts.add("Point".equals(element) ? GF.createPoint(cs.get(0))
                                : GF.createLineString(cs.size() == 1 ? new Coordinate[] {cs.get(0), cs.get(0)}
                                        : cs.toArray(Coordinate[]::new)));
                    }
                }
                default -> skip(); // Style, TimeSpan, LookAt, Model, gx:Track...: nothing held
            }
        }

        /** Moves to the next child element of the current one: false at the current element's end. */
        private boolean nextChild() throws XMLStreamException {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
            }
            return false;
        }

        private Geometry polygon() throws XMLStreamException {
            LinearRing shell = null;
            List<LinearRing> holes = new ArrayList<>();
            while (nextChild()) {
                String el = r.getLocalName();
                if ("outerBoundaryIs".equals(el) || "innerBoundaryIs".equals(el)) {
                    // innerBoundaryIs may hold several LinearRings (Google Earth writes one each; both are seen)
                    while (nextChild()) {
                        if ("LinearRing".equals(r.getLocalName())) {
                            LinearRing ring = linearRing();
                            if ("outerBoundaryIs".equals(el)) {
                                shell = ring;
                            } else {
                                holes.add(ring);
                            }
                        } else {
                            skip();
                        }
                    }
                } else {
                    skip(); // extrude, tessellate, altitudeMode
                }
            }
            if (shell == null) {
                throw located("Polygon has no outerBoundaryIs/LinearRing");
            }
            return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
        }

        private LinearRing linearRing() throws XMLStreamException {
            List<Coordinate> cs = null;
            Location at = r.getLocation();
            while (nextChild()) {
                if ("coordinates".equals(r.getLocalName())) {
                    at = r.getLocation();
                    cs = coordinates();
                } else {
                    skip();
                }
            }
            if (cs == null) {
                throw located(at, "LinearRing has no coordinates");
            }
            if (cs.size() >= 3 && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                // KML requires the last position to repeat the first; writers that leave it out mean it closed.
                out.warn(InputException.at(name, at.getLineNumber(), at.getColumnNumber(),
                        "LinearRing not closed (last position differs from the first); closed it").getMessage());
                cs.add(new CoordinateXY(cs.get(0)));
            }
            if (cs.size() < 4) {
                throw located(at, "LinearRing has " + cs.size() + " position" + (cs.size() == 1 ? "" : "s")
                        + "; a ring needs at least 4 (the last equal to the first)");
            }
            return GF.createLinearRing(cs.toArray(Coordinate[]::new));
        }

        /** The positions of the current {@code coordinates} element: "lon,lat[,alt]" tuples separated by spaces. */
        private List<Coordinate> coordinates() throws XMLStreamException {
            Location at = r.getLocation();
            String text = r.getElementText();
            List<Coordinate> cs = new ArrayList<>();
            // Some writers put a space after the commas ("30.1, 50.2"): glue those back into one tuple.
            String[] tuples = text.strip().replaceAll("\\s*,\\s*", ",").split("\\s+");
            for (String t : tuples) {
                if (t.isEmpty()) {
                    continue;
                }
                String[] xy = t.split(",");
                double x;
                double y;
                try {
                    if (xy.length < 2 || xy.length > 3) {
                        throw new NumberFormatException();
                    }
                    x = Double.parseDouble(xy[0]);
                    y = Double.parseDouble(xy[1]);
                    if (xy.length == 3) {
                        Double.parseDouble(xy[2]);
                    }
                } catch (NumberFormatException e) {
                    throw located(at, "coordinates: \"" + Quote.cut(t) + "\" is not a position lon,lat[,alt]");
                }
                if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
                    throw located(at, "coordinates: (" + FeatureCollector.num(x) + ", " + FeatureCollector.num(y)
                            + ") is outside longitude/latitude range; KML positions are lon,lat in degrees");
                }
                cs.add(new CoordinateXY(x, y));
            }
            return cs;
        }

        private void extendedData(Map<String, Object> props) throws XMLStreamException {
            int depth = 1;
            String dataName = null;
            while (r.hasNext() && depth > 0) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Data" -> {
                        dataName = r.getAttributeValue(null, "name");
                        depth++;
                    }
                    case "value" -> {
                        String v = r.getElementText().strip();
                        if (dataName != null) {
                            props.put(dataName, v);
                        }
                    }
                    case "SimpleData" -> {
                        String key = r.getAttributeValue(null, "name");
                        String v = r.getElementText().strip();
                        if (key != null) {
                            props.put(key, v);
                        }
                    }
                    case "SchemaData" -> depth++;
                    default -> skip();
                }
            }
        }

        /** Skips the current element with everything in it. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private InputException located(String what) {
            return located(r.getLocation(), what);
        }

        private InputException located(Location l, String what) {
            return InputException.at(name, l.getLineNumber(), l.getColumnNumber(), what);
        }
    }
}
