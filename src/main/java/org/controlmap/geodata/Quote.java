package org.controlmap.geodata;

/**
 * How a one-line message shows a value taken from the input: on one line and
 * at most {@value #MAX} characters, so a 10 MB string in a file gives a
 * readable error instead of echoing itself. Every message that quotes input
 * goes through {@link #cut(String)}.
 */
public final class Quote {
    /** Characters of a value shown in a message before it is cut. */
    public static final int MAX = 80;

    /** Characters of a library's own message (parser, file system, JTS) shown before it is cut. */
    public static final int REASON_MAX = 240;

    private Quote() {
    }

    /**
     * The text with each run of white space and control characters (line
     * breaks included) made one space, trimmed, and cut after {@value #MAX}
     * characters with its full length noted, e.g. {@code xxxx… (3500000 characters)}.
     * Null becomes "null". Looks at no more than a few hundred characters.
     */
    public static String cut(String text) {
        return cut(text, MAX);
    }

    /**
     * A library's own message for the brackets of a one-line error ("cannot read (…)"): on one line as
     * {@link #cut(String)} makes it, cut after {@value #REASON_MAX} characters (such messages can quote the
     * input: a parser's unexpected text, a file name); "" when there is none.
     */
    public static String reason(String message) {
        return message == null ? "" : cut(message, REASON_MAX);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        StringBuilder sb = new StringBuilder(max + 32);
        boolean gap = false;
        int i = 0;
        for (; i < n && sb.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                gap = sb.length() > 0;
                continue;
            }
            if (gap) {
                sb.append(' ');
                gap = false;
            }
            sb.append(c);
        }
        if (sb.length() <= max) {
            return sb.toString();
        }
        int end = max;
        if (Character.isLowSurrogate(sb.charAt(end))) {
            end--; // keep a surrogate pair whole
        }
        sb.setLength(end);
        return sb.append("… (").append(n).append(" characters)").toString();
    }
}
