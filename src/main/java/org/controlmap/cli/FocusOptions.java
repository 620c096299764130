package org.controlmap.cli;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.InputException;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFocus;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Option;

/** The part of the country a map frames: {@code --focus REGION[,REGION…]} or {@code --bbox W,S,E,N}. */
final class FocusOptions {

    @Option(names = "--focus", paramLabel = "REGION[,REGION...]",
            description = "Frame the map on these regions (names, ISO codes or groups such as Donbas, as in "
                    + "scenarios); more towns are named and a locator map shows where the frame lies.")
    String focus;

    @Option(names = "--bbox", paramLabel = "W,S,E,N",
            description = "Frame the map on a box of longitudes and latitudes (degrees, WGS84), e.g. "
                    + "36.5,47.6,38.6,49.2.")
    String bbox;

    /** The frame asked for, null when neither option is given; errors are one-line InputExceptions. */
    MapFocus focus(RegionCatalogue catalogue) {
        if (focus != null && bbox != null) {
            throw new InputException("--focus and --bbox: give one frame, not both");
        }
        if (focus != null) {
            List<Region> regions = new ArrayList<>();
            for (String name : focus.split(",", -1)) {
                String n = name.strip();
                if (n.isEmpty()) {
                    throw new InputException("--focus " + focus + ": empty region name; separate names by commas");
                }
                List<Region> rs = catalogue.resolve(n);
                if (rs.isEmpty()) {
                    throw new InputException("--focus " + n + ": no such region"
                            + catalogue.suggest(n).map(s -> " (did you mean " + s + "?)").orElse(""));
                }
                for (Region r : rs) {
                    if (!regions.contains(r)) {
                        regions.add(r);
                    }
                }
            }
            return MapFocus.of(regions);
        }
        if (bbox != null) {
            String[] parts = bbox.split(",", -1);
            if (parts.length != 4) {
                throw new InputException("--bbox " + bbox + ": give four numbers W,S,E,N (degrees)");
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new InputException("--bbox " + bbox + ": '" + parts[i].strip() + "' is not a number; give "
                            + "W,S,E,N in degrees");
                }
            }
            MapFocus f = MapFocus.box(v[0], v[1], v[2], v[3]);
            Envelope map = new Envelope();
            for (Region r : catalogue.regions()) {
                map.expandToInclude(r.geometry().getEnvelopeInternal());
            }
            if (!map.intersects(f.area().getEnvelopeInternal())) {
                throw new InputException("--bbox " + bbox + ": lies outside the map's regions (" + plain(map.getMinX())
                        + "–" + plain(map.getMaxX()) + "°E, " + plain(map.getMinY()) + "–" + plain(map.getMaxY())
                        + "°N)");
            }
            return f;
        }
        return null;
    }

    private static String plain(double v) {
        return Long.toString(Math.round(v));
    }
}
