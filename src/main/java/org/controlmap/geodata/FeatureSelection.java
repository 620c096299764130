package org.controlmap.geodata;

import org.controlmap.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which features of a control file count: the layer of a GeoPackage ({@code --layer}) and the conditions
 * every counted feature meets ({@code --where}, all of them when given several).
 *
 * <p>A condition is {@code PROPERTY=VALUE} (the property's text equals VALUE, ignoring case and surrounding
 * spaces), {@code PROPERTY!=VALUE} (it does not, or the feature has no such property) or
 * {@code PROPERTY~TEXT} (its text contains TEXT, ignoring case). Deliberately no regular expressions: the
 * three forms cover "which side" and "which layer of a KML" without a syntax to explain.
 *
 * @param layer    the GeoPackage feature table to read, or null
 * @param where    the conditions, in the order given; empty for every feature
 * @param maxBytes the largest file read, in bytes of uncompressed input ({@link InputLimit}; {@code --max-input-mb})
 */
public record FeatureSelection(String layer, List<Condition> where, long maxBytes) {

    /** Every feature of the only layer. */
    public static final FeatureSelection ALL = new FeatureSelection(null, List.of());

    public FeatureSelection {
        where = List.copyOf(where);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }

    /** A selection under the default size limit ({@link InputLimit#DEFAULT_BYTES}). */
    public FeatureSelection(String layer, List<Condition> where) {
        this(layer, where, InputLimit.DEFAULT_BYTES);
    }

    /** This selection with another size limit, in bytes. */
    public FeatureSelection withMaxBytes(long bytes) {
        return new FeatureSelection(layer, where, bytes);
    }

    /** How a condition compares. */
    public enum Op { EQUALS, NOT_EQUALS, CONTAINS }

    /**
     * One condition.
     *
     * @param text as the user wrote it, for messages
     */
    public record Condition(String key, Op op, String value, String text) {

        /** Whether a feature meets it. */
        boolean test(GeoFeature f) {
            String v = f.string(key);
            return switch (op) {
                case EQUALS -> v != null && v.strip().equalsIgnoreCase(value);
                case NOT_EQUALS -> v == null || !v.strip().equalsIgnoreCase(value);
                case CONTAINS -> v != null && v.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
            };
        }
    }

    /**
     * Parses {@code --where} texts ({@code name=Occupied}, {@code side!=UA}, {@code styleUrl~russian}).
     *
     * @param layer the {@code --layer} value, or null
     * @param where the {@code --where} values, possibly empty
     */
    public static FeatureSelection parse(String layer, List<String> where) {
        List<Condition> cs = new ArrayList<>();
        for (String w : where) {
            int ne = w.indexOf("!=");
            int tilde = w.indexOf('~');
            int eq = w.indexOf('=');
            int at;
            Op op;
            if (ne >= 0 && (eq < 0 || ne < eq) && (tilde < 0 || ne < tilde)) {
                at = ne;
                op = Op.NOT_EQUALS;
            } else if (tilde >= 0 && (eq < 0 || tilde < eq)) {
                at = tilde;
                op = Op.CONTAINS;
            } else {
                at = eq;
                op = Op.EQUALS;
            }
            String key = at < 0 ? "" : w.substring(0, at).strip();
            if (key.isEmpty()) {
                throw new InputException("--where " + w + ": write PROPERTY=VALUE, PROPERTY!=VALUE or"
                        + " PROPERTY~TEXT, e.g. --where name=Occupied");
            }
            String value = w.substring(at + (op == Op.NOT_EQUALS ? 2 : 1)).strip();
            cs.add(new Condition(key, op, value, w));
        }
        return new FeatureSelection(layer == null || layer.isBlank() ? null : layer.strip(), cs);
    }

    /**
     * The features that meet every condition, in their order.
     *
     * @param name names the file in messages
     * @throws InputException when a condition's property is in no feature (naming the properties there are),
     *                        or when no feature is left (naming the values the property has)
     */
    public List<GeoFeature> apply(List<GeoFeature> features, String name) {
        if (where.isEmpty()) {
            return features;
        }
        // One mechanism for a list and for a stream (FeatureFiles#stream): the same checks, the same messages.
        List<GeoFeature> kept = new ArrayList<>();
        SelectionFilter filter = new SelectionFilter(this, name, kept::add);
        features.forEach(filter);
        filter.finish();
        return List.copyOf(kept);
    }

    static String list(Set<String> items) {
        List<String> all = new ArrayList<>(items);
        List<String> shown = all.size() > 12 ? all.subList(0, 12) : all;
        return String.join(", ", shown.stream().map(s -> "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s)
                + "\"").toList()) + (all.size() > 12 ? " and " + (all.size() - 12) + " more" : "");
    }
}
