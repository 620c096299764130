package org.controlmap.cli;

import java.nio.file.Path;
import org.controlmap.InputException;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.region.UserRegions;
import org.controlmap.table.DistrictTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The user's own boundaries: {@code --regions FILE} with {@code --id-field} and {@code --name-field} (docs/regions.md). */
final class RegionsOptions {

    @Option(names = "--regions", paramLabel = "FILE",
            description = "Your own districts (GeoJSON, KML, KMZ, GeoPackage or FlatGeobuf polygons) as rows under "
                    + "the bundled region holding most of each, or on a map as thin outlines; the region and "
                    + "Ukraine rows stay as they are (docs/regions.md).")
    Path file;

    @Option(names = "--id-field", paramLabel = "PROP",
            description = "With --regions: the property holding each district's unique id. Default: id.")
    String idField;

    @Option(names = "--name-field", paramLabel = "PROP",
            description = "With --regions: the property holding each district's name. Default: name (else the id).")
    String nameField;

    /** Refuses field options without a file, before any work. */
    void validate() {
        fieldsNeedFile(file != null, idField, nameField, "--regions FILE");
    }

    static void fieldsNeedFile(boolean given, String idField, String nameField, String option) {
        if (!given && (idField != null || nameField != null)) {
            throw new InputException((idField != null ? "--id-field" : "--name-field") + " needs " + option);
        }
    }

    /** The districts read, their overlap and gap warning on stderr; null without --regions. */
    UserRegions read(RegionCatalogue catalogue, CommandSpec spec) {
        return file == null ? null : read(file, idField, nameField, catalogue, spec);
    }

    static UserRegions read(Path file, String idField, String nameField, RegionCatalogue catalogue,
            CommandSpec spec) {
        UserRegions u = UserRegions.read(file, idField == null ? "id" : idField,
                nameField == null ? "name" : nameField, catalogue, w -> InputOptions.warn(spec, w));
        DistrictTable.warning(u).ifPresent(w -> InputOptions.warn(spec, w));
        return u;
    }
}
