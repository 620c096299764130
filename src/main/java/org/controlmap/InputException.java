package org.controlmap;

import org.controlmap.InputException;

/**
 * Bad input that the user can fix: a file that cannot be read, parsed or
 * understood. The message is one line, already naming the file and the place
 * (line and column, feature index, region) and what is wrong, e.g.
 * {@code scenario.yaml:12:5: UA-99: no such region (did you mean UA-59 Sumy?)}.
 * The CLI prints it as it is and exits with code 2.
 *
 * <p>It lives at the top of the package tree because every layer throws it:
 * readers, the region catalogue, scenario semantics, measuring, outputs and
 * the commands' own option checks.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Formats {@code file:line:column: what}; line/column are 1-based, omitted when ≤ 0. */
    public static InputException at(String file, int line, int column, String what) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return new InputException(sb.append(": ").append(what).toString());
    }
}
