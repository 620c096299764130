package org.controlmap.geodata;

/**
 * Levenshtein distance between two names (insertions, deletions and substitutions of UTF-16 chars, each
 * costing 1), bounded so that a long or far name costs no more than the bound needs: the region catalogue's
 * "did you mean" ({@code region.RegionCatalogue#suggest}) and the build's check of town-name alternates
 * ({@code geodata.build.PlacesExtract}) both ask only whether two names are within a few edits.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * The edit distance of {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to exceed
     * {@code limit} (the lengths alone differ by more, or a whole row of the table does: distances only grow
     * from row to row). O(|a|·|b|) time at worst, O(|b|) memory.
     */
    public static int bounded(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit + 1);
    }
}
