package org.controlmap.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runs the common commands once on the bundled data, output discarded: tables,
 * a check, the default map, a map, a table, a series and a diff of two made-up
 * control polygons. The launcher runs it when it writes the class-data-sharing
 * archive (or, on JDK 25+, the AOT cache), so the archive holds the classes
 * those commands load. Hidden from help.
 */
@Command(name = "warm-up", hidden = true)
final class WarmUpCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        Path dir = Files.createTempDirectory("controlmap-warm-up");
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"areas"});
        runs.add(new String[] {"areas", "--format", "md"});
        runs.add(new String[] {"check"});
        runs.add(new String[] {"render", "-o", dir.resolve("map.svg").toString(), "-o",
            dir.resolve("map.png").toString()});
        // Control polygons too (a made-up box over the Azov coast, with a date in its name): measuring,
        // attribution and series load most of JTS's overlay, which a scenario never touches.
        Path control = dir.resolve("warm-up_20240101.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,46.4],"
                + "[38.2,46.4],[38.2,47.9],[36.5,47.9],[36.5,46.4]]]}}]}");
        // A second day, the box moved west, so that diff has ground gained and lost.
        Path later = dir.resolve("warm-up_20240201.geojson");
        Files.writeString(later, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.1,46.4],"
                + "[37.9,46.4],[37.9,47.9],[36.1,47.9],[36.1,46.4]]]}}]}");
        runs.add(new String[] {"areas", "--control", control.toString()});
        runs.add(new String[] {"render", "--control", control.toString(), "-o",
            dir.resolve("control.svg").toString()});
        runs.add(new String[] {"series", control.toString(), later.toString(), "-o",
            dir.resolve("series.csv").toString()});
        runs.add(new String[] {"diff", "--from", control.toString(), "--to", later.toString(), "-o",
            dir.resolve("diff.csv").toString()});
        int worst = 0;
        try {
            for (String[] args : runs) {
                worst = Math.max(worst, Main.run(args, nowhere, nowhere));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return worst;
    }
}
