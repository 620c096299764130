package org.controlmap.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.control.NumberText;
import org.controlmap.region.UserRegions;

/**
 * A measured {@link AreaTable} refined by the user's districts ({@code --regions FILE}): each bundled region's
 * row is followed by a row per district booked under it (file order), and the notes say how the districts
 * cover their regions. The bundled rows and the Ukraine total stay exactly as measured, so they still add up.
 *
 * <p>A district row: {@code iso_3166_2} is the district's id, {@code area_km2} its own geodesic area,
 * {@code official_area_km2} empty (no office publishes it), {@code controlled_km2} the held km² of its
 * counted part ({@link UserRegions.District#counted()}), {@code controlled_pct} the share of that part,
 * {@code mismatch_km2} empty (districts are clipped; see {@code DistrictOverlay}), and the note names its
 * region.
 */
public final class DistrictTable {

    /** Overlaps and gaps smaller than this, km², are not worth a reader's attention (the tables show whole km²). */
    static final double SHOWN_KM2 = 0.5;

    private DistrictTable() {
    }

    /**
     * The table with district rows.
     *
     * @param held per side measured, held km² per district in {@link UserRegions#districts()} order
     */
    public static AreaTable of(AreaTable table, UserRegions districts, Map<Controller, double[]> held) {
        Map<Controller, double[]> h = new EnumMap<>(held);
        List<AreaTable.Row> rows = new ArrayList<>();
        for (AreaTable.Row r : table.rows()) {
            rows.add(r);
            for (int i = 0; i < districts.districts().size(); i++) {
                UserRegions.District d = districts.districts().get(i);
                if (d.parent().iso().equals(r.iso())) {
                    rows.add(row(d, i, h));
                }
            }
        }
        List<String> notes = new ArrayList<>(table.notes());
        notes.addAll(notes(districts));
        return new AreaTable(table.title(), table.date(), table.source(), table.basis(), List.copyOf(rows),
                table.total(), List.copyOf(notes), table.mismatch(), table.measured(), table.frontKm());
    }

    private static AreaTable.Row row(UserRegions.District d, int i, Map<Controller, double[]> held) {
        DistrictOverlay.Holding holding = DistrictOverlay.Holding.largest(held, i);
        Controller side = holding.side();
        double km2 = holding.km2();
        List<String> note = new ArrayList<>();
        note.add("district of " + d.parent().iso() + " " + d.parent().nameEn());
        if (d.beyondKm2() >= SHOWN_KM2) {
            note.add(NumberText.plain(round1(d.beyondKm2())) + " km² of it outside " + d.parent().iso()
                    + " not counted here");
        }
        if (d.sharedKm2() >= SHOWN_KM2) {
            note.add(NumberText.plain(round1(d.sharedKm2())) + " km² of it also in an earlier district, counted"
                    + " there");
        }
        double pct = d.countedKm2() > 0 ? Math.min(100, 100 * km2 / d.countedKm2()) : 0;
        return new AreaTable.Row(d.id(), d.name(), d.areaKm2(), Double.NaN, side, side == null ? 0 : pct, km2, "",
                String.join("; ", note), Double.NaN);
    }

    /** The notes a table with districts carries: where they come from, how they are counted, what they miss. */
    public static List<String> notes(UserRegions districts) {
        List<String> notes = new ArrayList<>();
        notes.add(districts.districts().size() + " districts from " + districts.file() + " (--regions) refine "
                + "the rows of " + districts.coverage().size() + " regions; each follows its region's row. A "
                + "district is booked under the region holding most of it and counts only its part there "
                + "(controlled_pct is of that part). District rows are the strict intersection: ground booked to "
                + "a region by nearest attribution (its mismatch_km2) and held ground in no district stay on the "
                + "region's row, which is measured on its own boundary as without --regions.");
        for (UserRegions.Coverage c : districts.coverage()) {
            coverageNote(c).ifPresent(notes::add);
        }
        return notes;
    }

    private static Optional<String> coverageNote(UserRegions.Coverage c) {
        List<String> s = new ArrayList<>();
        if (c.overlapKm2() >= SHOWN_KM2) {
            s.add("overlap by " + NumberText.grouped(Math.round(c.overlapKm2())) + " km² (counted once, in the "
                    + "first district in the file)");
        }
        if (c.gapKm2() >= SHOWN_KM2) {
            s.add("leave " + NumberText.grouped(Math.round(c.gapKm2())) + " km² of it in no district (held "
                    + "ground there counts to the region's row only)");
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(c.region().iso() + " " + c.region().nameEn() + ": its " + c.districts() + " districts "
                + String.join(" and ", s) + ".");
    }

    /**
     * The warning for districts that overlap or leave gaps in their regions (at least {@link #SHOWN_KM2} km²
     * in some region), one line; empty otherwise.
     */
    public static Optional<String> warning(UserRegions districts) {
        double overlap = districts.overlapKm2();
        double gap = districts.gapKm2();
        long overlapping = districts.coverage().stream().filter(c -> c.overlapKm2() >= SHOWN_KM2).count();
        long gapped = districts.coverage().stream().filter(c -> c.gapKm2() >= SHOWN_KM2).count();
        if (overlapping == 0 && gapped == 0) {
            return Optional.empty();
        }
        return Optional.of(districts.file() + ": districts overlap by " + NumberText.grouped(Math.round(overlap))
                + " km² (in " + overlapping + " regions; counted once) and leave " + NumberText.grouped(
                        Math.round(gap)) + " km² of their regions uncovered (in " + gapped + " regions); the "
                + "notes say where");
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
