package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.FormatWriters;
import org.controlmap.geodata.FormatWriters.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Control files in other formats through the CLI: same table, --where, bad and unsupported files. */
class InputFormatsTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    private static Shape square(String name, double lon, double lat, double size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", name);
        return new Shape(p, GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
            new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size),
            new Coordinate(lon, lat)}));
    }

    private static List<Shape> shapes() {
        return List.of(square("Occupied", 37.4, 47.6, 0.8), square("Contested", 35.2, 46.9, 0.4),
                square("Occupied", 38.6, 48.6, 0.5));
    }

    @Test
    void areasGivesTheSameTableForEveryFormat() throws IOException {
        Path gj = dir.resolve("held_2024-11-20.geojson");
        FormatWriters.geoJson(gj, shapes());
        Path kmz = dir.resolve("held_2024-11-20.kmz");
        FormatWriters.zip(kmz, Map.of("doc.kml", FormatWriters.kml("held", shapes())));
        Path gpkg = dir.resolve("held_2024-11-20.gpkg");
        FormatWriters.gpkg(gpkg, "held", shapes(), 3857);
        Path fgb = dir.resolve("held_2024-11-20.fgb");
        FormatWriters.fgb(fgb, "held", shapes(), 4326);
        CliRun expected = run("areas", "--control", gj.toString(), "--attribution", "clip", "--source", "x");
        assertThat(expected.code()).as(expected.err()).isZero();
        for (Path p : List.of(kmz, gpkg, fgb)) {
            CliRun r = run("areas", "--control", p.toString(), "--attribution", "clip", "--source", "x");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).as(p.toString()).isEqualTo(expected.out());
        }
    }

    @Test
    void whereSelectsWhatCountsAsHeld() throws IOException {
        Path gj = dir.resolve("held_2024-11-20.geojson");
        FormatWriters.geoJson(gj, shapes());
        Path occupied = dir.resolve("occupied_2024-11-20.geojson");
        FormatWriters.geoJson(occupied, List.of(shapes().get(0), shapes().get(2)));
        Path kml = dir.resolve("held_2024-11-20.kml");
        Files.writeString(kml, FormatWriters.kml("held", shapes()));
        CliRun expected = run("areas", "--control", occupied.toString(), "--source", "x");
        CliRun all = run("areas", "--control", gj.toString(), "--source", "x");
        CliRun where = run("areas", "--control", kml.toString(), "--where", "name=Occupied", "--source", "x");
        assertThat(where.code()).as(where.err()).isZero();
        assertThat(where.out()).isEqualTo(expected.out()).isNotEqualTo(all.out());
        CliRun unknown = run("areas", "--control", kml.toString(), "--where", "side=RU");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).isEqualTo("controlmap: " + kml + ": --where side=RU: no feature has a property"
                + " \"side\"; its features have \"folder\", \"name\", \"styleUrl\"\n");
        CliRun noControl = run("areas", "--where", "name=Occupied");
        assertThat(noControl.code()).isEqualTo(2);
        assertThat(noControl.err()).contains("--where needs --control");

        // series and diff take it too
        Path later = dir.resolve("held_2024-12-20.geojson");
        FormatWriters.geoJson(later, shapes());
        CliRun series = run("series", gj.toString(), later.toString(), "--where", "name!=Contested");
        assertThat(series.code()).as(series.err()).isZero();
        CliRun seriesAll = run("series", gj.toString(), later.toString());
        assertThat(series.out()).isNotEqualTo(seriesAll.out());
        CliRun diff = run("diff", "--from", occupied.toString(), "--to", later.toString(), "--where",
                "name~occ", "--format", "csv");
        assertThat(diff.code()).as(diff.err()).isZero();
        assertThat(diff.out()).doesNotContain("UA-23"); // the Contested square in Zaporizhzhia is not counted
        CliRun diffAll = run("diff", "--from", occupied.toString(), "--to", later.toString(), "--format", "csv");
        assertThat(diffAll.out()).contains("UA-23");
    }

    /** A bad file: exit 2, one line naming the file (and place), an existing -o output kept. */
    private void refused(Path bad, String... expected) throws IOException {
        Path out = dir.resolve("t.csv");
        Files.writeString(out, "previous");
        CliRun r = run("areas", "--control", bad.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + bad).doesNotContain("Exception");
        for (String e : expected) {
            assertThat(r.err()).contains(e);
        }
        assertThat(Files.readString(out)).isEqualTo("previous");
    }

    @Test
    void badFilesAreOneLocatedLine() throws IOException {
        Path kmz = dir.resolve("good.kmz");
        FormatWriters.zip(kmz, Map.of("doc.kml", FormatWriters.kml("held", shapes())));
        byte[] zip = Files.readAllBytes(kmz);
        Path truncated = dir.resolve("truncated.kmz");
        Files.write(truncated, Arrays.copyOf(zip, zip.length / 2));
        refused(truncated, "truncated or corrupt");

        String kml = FormatWriters.kml("held", shapes());
        Path unclosed = dir.resolve("unclosed.kml");
        Files.writeString(unclosed, kml.replaceFirst("</Placemark>", ""));
        refused(unclosed, "unclosed.kml:", "not well-formed XML");
        CliRun r = run("areas", "--control", unclosed.toString());
        assertThat(r.err()).matches("(?s)controlmap: .*unclosed\\.kml:\\d+:\\d+: not well-formed XML: .*");

        Path notSqlite = dir.resolve("fake.gpkg");
        Files.writeString(notSqlite, "hello, this is not a database");
        refused(notSqlite, "fake.gpkg: not a GeoPackage");

        Path fgb = dir.resolve("good.fgb");
        FormatWriters.fgb(fgb, "held", shapes(), 4326);
        byte[] bytes = Files.readAllBytes(fgb);
        bytes[0] = 'x';
        Path wrongMagic = dir.resolve("wrong.fgb");
        Files.write(wrongMagic, bytes);
        refused(wrongMagic, "wrong.fgb: not a FlatGeobuf file", "66 67 62 03");
        byte[] cut = Arrays.copyOf(Files.readAllBytes(fgb), Files.readAllBytes(fgb).length - 20);
        Path truncatedFgb = dir.resolve("truncated.fgb");
        Files.write(truncatedFgb, cut);
        refused(truncatedFgb, "truncated.fgb: feature 2 (byte ", "truncated or corrupt");

        Path gpkg = dir.resolve("good.gpkg");
        FormatWriters.gpkg(gpkg, "held", shapes(), 4326);
        byte[] db = Files.readAllBytes(gpkg);
        Path truncatedGpkg = dir.resolve("truncated.gpkg");
        Files.write(truncatedGpkg, Arrays.copyOf(db, 2000));
        refused(truncatedGpkg, "truncated.gpkg: ");
    }

    @Test
    void unsupportedKindsNameWhatIsSupported() throws IOException {
        Path shp = dir.resolve("areas.shp");
        Files.write(shp, new byte[] {0, 0, 0x27, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0});
        refused(shp, "ESRI shapefile", "ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.shp", "KMZ");
        Path dbf = dir.resolve("areas.dbf");
        Files.write(dbf, new byte[] {3, 124, 11, 20, 1, 0, 0, 0});
        refused(dbf, "ESRI shapefile");
        Path csv = dir.resolve("areas.csv");
        Files.writeString(csv, "name,wkt\nOccupied,\"POLYGON((30 50,31 50,31 51,30 50))\"\n");
        refused(csv, "neither GeoJSON nor KML", "GeoPackage (.gpkg)");
        Path zip = dir.resolve("data.zip");
        FormatWriters.zip(zip, Map.of("areas.shp", "x", "areas.dbf", "y"));
        refused(zip, "a zip archive without a .kml document", "areas.shp", "FlatGeobuf");
        Path gpx = dir.resolve("track.gpx");
        Files.writeString(gpx, "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk/></gpx>\n");
        refused(gpx, "track.gpx:2:", "root element is <gpx>, not <kml>");
    }
}
