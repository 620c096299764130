package org.controlmap.geodata;

import org.controlmap.InputException;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A {@link FeatureSelection}'s {@code --where} conditions applied to features as they stream past
 * ({@link FeatureFiles#stream}): the features that meet them all go on to a sink, in order, and
 * {@link #finish} refuses the selection (for a list too: {@link FeatureSelection#apply} runs it through one) when a
 * condition's property is in no feature or no feature is left. It keeps only what those messages name
 * (property names until every condition's is seen; the first condition's values until a feature is
 * selected), never the features.
 */
public final class SelectionFilter implements Consumer<GeoFeature> {

    private final FeatureSelection selection;
    private final String name;
    private final Consumer<GeoFeature> sink;
    private final boolean[] known;
    private int unknown;
    private final Set<String> keys = new TreeSet<>();
    private final Set<String> values = new TreeSet<>();
    private int count;
    private int kept;

    /**
     * @param name names the file in messages
     * @param sink receives the selected features
     */
    public SelectionFilter(FeatureSelection selection, String name, Consumer<GeoFeature> sink) {
        this.selection = selection;
        this.name = name;
        this.sink = sink;
        this.known = new boolean[selection.where().size()];
        this.unknown = known.length;
    }

    @Override
    public void accept(GeoFeature f) {
        count++;
        if (selection.where().isEmpty()) {
            kept++;
            sink.accept(f);
            return;
        }
        if (unknown > 0) {
            keys.addAll(f.properties().keySet());
            for (int i = 0; i < known.length; i++) {
                if (!known[i] && f.properties().containsKey(selection.where().get(i).key())) {
                    known[i] = true;
                    unknown--;
                }
            }
            if (unknown == 0) {
                keys.clear();
            }
        }
        if (kept == 0) {
            String v = f.string(selection.where().get(0).key());
            if (v != null) {
                values.add(v.strip());
            }
        }
        for (FeatureSelection.Condition c : selection.where()) {
            if (!c.test(f)) {
                return;
            }
        }
        if (kept++ == 0) {
            values.clear();
        }
        sink.accept(f);
    }

    /** Whether a condition was given at all: messages then say "among those --where selects". */
    public boolean selects() {
        return !selection.where().isEmpty();
    }

    /**
     * Refuses the selection once every feature went past.
     *
     * @throws InputException when a condition's property is in no feature, or no feature is selected
     */
    public void finish() {
        if (selection.where().isEmpty()) {
            return;
        }
        for (int i = 0; i < known.length; i++) {
            if (!known[i]) {
                FeatureSelection.Condition c = selection.where().get(i);
                throw new InputException(name + ": --where " + c.text() + ": no feature has a property \""
                        + c.key() + "\"; " + (keys.isEmpty() ? "its features have no properties"
                                : "its features have " + FeatureSelection.list(keys)));
            }
        }
        if (kept == 0) {
            FeatureSelection.Condition c = selection.where().get(0);
            throw new InputException(name + ": --where " + String.join(" --where ",
                    selection.where().stream().map(FeatureSelection.Condition::text).toList()) + " selects none of"
                    + " its " + count + " features (" + c.key() + " is " + FeatureSelection.list(values) + ")");
        }
    }
}
