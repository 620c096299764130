package org.controlmap.geodata;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A map of the plane applied vertex by vertex: a projection, a change from
 * metres to pixels, a rounding. JTS's own {@code AffineTransformation} covers
 * only affine maps; this is the small stage every non-affine one shares.
 */
@FunctionalInterface
public interface PointMapping {

    /** Maps the point (x, y), writing the result to {@code out[0]}, {@code out[1]}. */
    void map(double x, double y, double[] out);

    /** A copy of {@code g} with every vertex mapped; {@code g} is left as it is. Not thread-safe per instance. */
    default Geometry copyOf(Geometry g) {
        Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                map(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, CoordinateSequence.X, out[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
