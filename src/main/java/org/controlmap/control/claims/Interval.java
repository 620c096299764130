package org.controlmap.control.claims;

import org.controlmap.control.NumberText;

/**
 * A range of real numbers whose ends may be open or closed: what a qualified
 * figure allows. "less than 3%" is {@code [0, 3)}, "a sliver" is {@code (0, 1]}.
 * Open ends matter at the boundary only: 3 is not less than 3.
 *
 * <p>Hand-written because no library on the classpath has closed/open real
 * intervals with sums; the arithmetic is the textbook one (Moore, <i>Interval
 * Analysis</i>, 1966), with an end open when any end it is built from is open.
 *
 * @param min     lower end
 * @param max     upper end
 * @param minOpen true when {@code min} itself is excluded
 * @param maxOpen true when {@code max} itself is excluded
 */
public record Interval(double min, double max, boolean minOpen, boolean maxOpen) {

    /** {@code [min, max]}. */
    public static Interval closed(double min, double max) {
        return new Interval(min, max, false, false);
    }

    /** The single point {@code [v, v]}. */
    public static Interval point(double v) {
        return closed(v, v);
    }

    /** True when no number lies in it. */
    public boolean isEmpty() {
        return min > max || min == max && (minOpen || maxOpen);
    }

    /** True when {@code v} lies in it, honouring open ends. */
    public boolean contains(double v) {
        boolean aboveMin = minOpen ? v > min : v >= min;
        boolean belowMax = maxOpen ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    /** The numbers in both; may be empty. */
    public Interval intersect(Interval o) {
        double lo;
        boolean loOpen;
        if (min > o.min) {
            lo = min;
            loOpen = minOpen;
        } else if (o.min > min) {
            lo = o.min;
            loOpen = o.minOpen;
        } else {
            lo = min;
            loOpen = minOpen || o.minOpen;
        }
        double hi;
        boolean hiOpen;
        if (max < o.max) {
            hi = max;
            hiOpen = maxOpen;
        } else if (o.max < max) {
            hi = o.max;
            hiOpen = o.maxOpen;
        } else {
            hi = max;
            hiOpen = maxOpen || o.maxOpen;
        }
        return new Interval(lo, hi, loOpen, hiOpen);
    }

    /** True when some number lies in both. */
    public boolean overlaps(Interval o) {
        return !intersect(o).isEmpty();
    }

    /** All sums a + b with a in this and b in {@code o}. */
    public Interval plus(Interval o) {
        return new Interval(min + o.min, max + o.max, minOpen || o.minOpen, maxOpen || o.maxOpen);
    }

    /** Every value multiplied by a factor ≥ 0 (a share times an area). */
    public Interval times(double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("negative factor " + factor);
        }
        return new Interval(min * factor, max * factor, minOpen, maxOpen);
    }

    /** {@code total − v} for every v in it: the other side's share when one side holds this. */
    public Interval complementIn(double total) {
        return new Interval(total - max, total - min, maxOpen, minOpen);
    }

    /** "[15.5, 20.5]", "[0, 3)": {@code digits} decimals, trailing zeros dropped. */
    public String format(int digits) {
        return (minOpen ? "(" : "[") + NumberText.plain(min, digits) + ", " + NumberText.plain(max, digits)
                + (maxOpen ? ")" : "]");
    }
}
