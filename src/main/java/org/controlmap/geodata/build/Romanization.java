package org.controlmap.geodata.build;

import java.util.Locale;
import java.util.Map;

/**
 * Cyrillic-to-Latin romanisations used to tell which of a GeoNames place's
 * (untagged) alternate names is its Ukrainian name, and to write the English
 * name of a Ukrainian place in Ukraine's national system. Build-time only.
 *
 * <ul>
 * <li>{@link #kmu2010}: Ukraine's national romanisation (Cabinet of Ministers
 * resolution No. 55 of 27 January 2010), which news desks follow: Київ Kyiv,
 * Запоріжжя Zaporizhzhia, Миколаїв Mykolaiv, Слов'янськ Sloviansk. є ї й ю я
 * are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; ь and
 * the apostrophe are dropped; зг is zgh.</li>
 * <li>{@link #bgnUkrainian}: BGN/PCGN 1965 for Ukrainian, which many older
 * GeoNames names follow (Zaporizhzhya, Mykolayiv, Kropyvnytskyy): ye yi y yu ya
 * everywhere, ь and the apostrophe kept as marks.</li>
 * <li>{@link #bgnRussian}: BGN/PCGN 1947 for Russian (Staryy Oskol, Alekseyevka).</li>
 * </ul>
 *
 * <p>Only the letters of the respective alphabet are mapped; any other
 * character is copied unchanged, so a name in another script never matches.
 */
final class Romanization {
    private Romanization() {
    }

    private static final Map<Character, String> UK = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"));

    /** Letters whose KMU 2010 form depends on the position in the word: {initial, elsewhere}. */
    private static final Map<Character, String[]> UK_POSITIONAL = Map.of(
            'є', new String[] {"ye", "ie"}, 'ї', new String[] {"yi", "i"}, 'й', new String[] {"y", "i"},
            'ю', new String[] {"yu", "iu"}, 'я', new String[] {"ya", "ia"});

    private static final Map<Character, String> RU = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"),
            Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ъ', "\""), Map.entry('ы', "y"), Map.entry('ь', "'"),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    /** Apostrophe-like characters written in Ukrainian names (U+0027, U+2019, U+02BC). */
    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc';
    }

    /** Whether every letter of {@code s} belongs to the Ukrainian alphabet (and there is at least one). */
    static boolean isUkrainianAlphabet(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (Character.isLetter(c)) {
                if (!UK.containsKey(c) && !UK_POSITIONAL.containsKey(c) && c != 'ь') {
                    return false;
                }
                letter = true;
            } else if (!isApostrophe(c) && c != '-' && c != ' ' && c != '.') {
                return false;
            }
        }
        return letter;
    }

    /** Whether {@code s} has a letter of Ukrainian's that Russian lacks (і ї є ґ) or an apostrophe. */
    static boolean hasUkrainianMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ' || isApostrophe(c)) {
                return true;
            }
        }
        return false;
    }

    /** Ukraine's national romanisation (KMU 2010), keeping the case of each word's first letter. */
    static String kmu2010(String s) {
        return ukrainian(s, false);
    }

    /** BGN/PCGN 1965 romanisation of Ukrainian. */
    static String bgnUkrainian(String s) {
        return ukrainian(s, true);
    }

    private static String ukrainian(String s, boolean bgn) {
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char orig = s.charAt(i);
            char c = Character.toLowerCase(orig);
            String latin;
            if (UK_POSITIONAL.containsKey(c)) {
                latin = UK_POSITIONAL.get(c)[bgn || wordStart ? 0 : 1];
            } else if (c == 'г' && !bgn && i > 0 && Character.toLowerCase(s.charAt(i - 1)) == 'з') {
                latin = "gh";
            } else if (c == 'ь') {
                latin = bgn ? "'" : "";
            } else if (isApostrophe(c)) {
                latin = bgn ? "\"" : "";
            } else {
                latin = UK.getOrDefault(c, String.valueOf(orig));
            }
            append(out, latin, orig, c);
            wordStart = !Character.isLetter(c) && !isApostrophe(c);
        }
        return out.toString();
    }

    /** BGN/PCGN 1947 romanisation of Russian: е and ё are ye after a vowel, ъ, ь or at a word's start. */
    static String bgnRussian(String s) {
        StringBuilder out = new StringBuilder();
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char orig = s.charAt(i);
            char c = Character.toLowerCase(orig);
            String latin;
            if (c == 'е' || c == 'ё') {
                boolean ye = !Character.isLetter(prev) || "аеёиоуыэюяъь".indexOf(prev) >= 0;
                latin = (ye ? "y" : "") + (c == 'е' ? "e" : "ë");
            } else {
                latin = RU.getOrDefault(c, String.valueOf(orig));
            }
            append(out, latin, orig, c);
            prev = c;
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String latin, char orig, char lower) {
        if (orig != lower && !latin.isEmpty()) {
            out.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
        } else {
            out.append(latin);
        }
    }

    /**
     * The form in which two romanised names are compared: lower case, ё as e,
     * without apostrophes, soft and hard signs' marks (' ’ ʼ ” " ` ‘ ′), and
     * with spaces and hyphens as one space.
     */
    static String comparable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '\'', '\u2019', '\u02bc', '\u201d', '"', '`', '\u2018', '\u2032', '\u02b9' -> {
                }
                case 'ë' -> out.append('e');
                case '-' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString().trim().replaceAll(" +", " ");
    }
}
