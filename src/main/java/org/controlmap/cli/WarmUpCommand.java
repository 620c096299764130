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
 * Runs the common commands once on the bundled data, output discarded. The
 * launcher runs it when it writes the class-data-sharing archive, so the
 * archive holds the classes those commands load. Hidden from help.
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
