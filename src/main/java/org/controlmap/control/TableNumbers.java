package org.controlmap.control;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Locale-independent number wording for labels and notes ("110,000", "70", "2.5"). */
public final class TableNumbers {
    private TableNumbers() {
    }

    /** Shortest plain decimal: 70.0 → "70", 2.5 → "2.5". */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Grouped with commas, decimals kept only when present: 110000 → "110,000". */
    public static String grouped(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }
}
