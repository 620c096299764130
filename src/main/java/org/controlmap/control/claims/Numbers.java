package org.controlmap.control.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Rounding and wording of the check's numbers, the same on every machine and locale. */
final class Numbers {
    private Numbers() {
    }

    /** Rounded half-up to {@code digits} decimals, trailing zeros dropped, never in E notation. */
    static String plain(double v, int digits) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** Like {@link #plain} with thousands separators: 110000 → "110,000". */
    static String grouped(double v, int digits) {
        DecimalFormat f = new DecimalFormat("#,##0" + (digits > 0 ? "." + "#".repeat(digits) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(new BigDecimal(plain(v, digits)));
        return s.equals("-0") ? "0" : s;
    }
}
