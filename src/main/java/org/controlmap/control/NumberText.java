package org.controlmap.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them in labels, notes and reports, the same on every
 * machine and locale: '.' as decimal mark, ',' between thousands, half-up
 * rounding, never E notation.
 */
public final class NumberText {
    private NumberText() {
    }

    /** Shortest plain decimal: 70.0 → "70", 2.5 → "2.5". */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Rounded to {@code digits} decimals, trailing zeros dropped: (2.499, 2) → "2.5". */
    public static String plain(double v, int digits) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Grouped, decimals kept only when present (up to three): 110000 → "110,000". */
    public static String grouped(double v) {
        return grouped(v, 3);
    }

    /** Grouped and rounded to at most {@code digits} decimals: (19026.04, 0) → "19,026". */
    public static String grouped(double v, int digits) {
        DecimalFormat f = new DecimalFormat("#,##0" + (digits > 0 ? "." + "#".repeat(digits) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(new BigDecimal(plain(v, digits)));
        return s.equals("-0") ? "0" : s;
    }
}
