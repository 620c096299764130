package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.controlmap.control.Allocation;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.ScenarioReader;
import org.controlmap.control.schematic.SchematicLayout;
import org.controlmap.control.schematic.SchematicPiece;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;

/** The bundled scenario laid out once for all render tests (the schematic layout takes a second or two). */
final class MapFixture {
    static final RegionCatalogue CATALOGUE = RegionCatalogue.bundled();
    static final List<CountryOutline> COUNTRIES = CountryOutline.bundled();
    static final Allocation ALLOCATION = ScenarioAllocation.allocate(ScenarioReader.bundled(CATALOGUE), CATALOGUE,
            AreaBasis.OFFICIAL);
    /** The bundled scenario's schematic pieces, laid out on this thread. */
    static final List<SchematicPiece> SCHEMATIC_PIECES = List.copyOf(new SchematicLayout(COUNTRIES,
            SchematicLayout.bundledRivers(), Runnable::run).pieces(ALLOCATION));
    static final List<ControlledArea> PIECES = pieces();

    private MapFixture() {
    }

    private static List<ControlledArea> pieces() {
        List<ControlledArea> out = new ArrayList<>();
        for (SchematicPiece p : SCHEMATIC_PIECES) {
            out.add(new ControlledArea(p.region(), p.controller(), p.geometry()));
        }
        return out;
    }

    static MapScene scene(MapMode mode, String lang, int width) {
        return scene(mode, lang, width, null);
    }

    private static final Map<String, MapScene> SHARED = new ConcurrentHashMap<>();

    /**
     * The bundled scenario's whole map, laid out once per JVM for every test that only reads it
     * (a layout is most of a second; several classes read the same few maps). Not for tests of
     * determinism, which compare two independent layouts: they call {@link #scene}.
     */
    static MapScene shared(MapMode mode, String lang, int width) {
        return SHARED.computeIfAbsent(mode + "/" + lang + "/" + width, k -> scene(mode, lang, width));
    }

    /** The bundled scenario's map framed on {@code focus} (null: the whole map). */
    static MapScene scene(MapMode mode, String lang, int width, MapFocus focus) {
        return MapLayout.build(CATALOGUE.regions(), COUNTRIES, ALLOCATION,
                mode == MapMode.CHOROPLETH ? List.of() : PIECES,
                new MapOptions(mode, lang, null, width, focus, null, List.of()));
    }
}
