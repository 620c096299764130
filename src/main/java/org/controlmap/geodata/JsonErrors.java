package org.controlmap.geodata;

import org.controlmap.InputException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Jackson's parse errors in plain words, with line:column and JSON path: the
 * kind of error is told by the exception's type ({@link JsonEOFException},
 * {@link StreamConstraintsException}, {@link InputCoercionException}) and the
 * parser's state (what is open, how deep), never by matching Jackson's English
 * messages, which change between versions and name Jackson's own settings.
 * Non-numeric literals (NaN) and duplicate keys never reach here: the readers
 * let the parser pass them and refuse them themselves ({@link JsonTree}).
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    /**
     * A parse error: where (1-based, 0 when unknown) and what, in plain words.
     *
     * @param path the JSON path of the place, e.g. {@code features[0].geometry}; empty at the top
     */
    public record Problem(int line, int column, String path, String what) {
        /** {@code file:line:column: path: what}. */
        public InputException in(String file) {
            return InputException.at(file, line, column, path.isEmpty() ? what : path + ": " + what);
        }
    }

    /**
     * What a Jackson parse error means.
     *
     * @param p               the parser that threw it (its state says what was open), or null
     * @param atEnd           whether the parser had read to the end of its input: then any syntax error is
     *                        the input ending too soon (Jackson has a type for some of these, not all)
     * @param maxNesting      the nesting limit the parser was built with
     * @param maxNumberLength the number length limit the parser was built with
     */
    public static Problem describe(JsonProcessingException e, JsonParser p, boolean atEnd, int maxNesting,
            int maxNumberLength) {
        JsonStreamContext ctx = p == null ? null : p.getParsingContext();
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        int line = at == null ? 0 : at.getLineNr();
        int col = at == null ? 0 : at.getColumnNr();
        String path = ctx == null ? "" : path(ctx);
        String what;
        if (e instanceof StreamConstraintsException) {
            // Which limit is told by the parser's state: a string is read when asked for (the current token is
            // the string), numbers and keys while looking for the next token; in an object, after a key comes
            // a value and after a value a key.
            JsonToken t = p == null ? null : p.currentToken();
            boolean inObject = ctx != null && ctx.inObject();
            if (ctx != null && ctx.getNestingDepth() >= maxNesting) {
                what = "JSON nested deeper than " + maxNesting + " levels";
            } else if (t == JsonToken.VALUE_STRING) {
                what = inObject ? "text too long (a string or key of tens of thousands of characters or more)"
                        : "text value too long (millions of characters)";
            } else if (inObject && t != JsonToken.FIELD_NAME) {
                what = "key too long (tens of thousands of characters)";
            } else {
                what = "number longer than " + maxNumberLength + " characters";
            }
        } else if (e instanceof JsonEOFException || atEnd && !(e instanceof InputCoercionException)) {
            JsonToken decoding = e instanceof JsonEOFException eof ? eof.getTokenBeingDecoded() : null;
            what = "unexpected end of file: " + unclosed(decoding, ctx) + " is not closed (truncated or unbalanced"
                    + " JSON)";
        } else if (e instanceof InputCoercionException) {
            what = "number out of range";
        } else {
            what = "invalid JSON: " + plain(e.getOriginalMessage());
        }
        return new Problem(line, col, path, what);
    }

    private static String unclosed(JsonToken t, JsonStreamContext ctx) {
        if (t == JsonToken.VALUE_STRING) {
            return "a string";
        }
        if (ctx == null || ctx.inRoot()) {
            return "the JSON";
        }
        JsonLocation open = ctx.startLocation(ContentReference.unknown());
        String where = open == null || open.getLineNr() <= 0 ? ""
                : " (opened at line " + open.getLineNr() + ", column " + open.getColumnNr() + ")";
        return (ctx.inArray() ? "an array" : "an object") + where;
    }

    /**
     * The first line of one of Jackson's messages for which there is no type,
     * without the location description Jackson puts in brackets (the location
     * is given as line:column already): e.g. "Unexpected close marker ']':
     * expected '}'". Values quoted in it are cut by Jackson (256 characters);
     * the whole is cut again here.
     */
    private static String plain(String m) {
        if (m == null) {
            return "";
        }
        int end = m.length();
        for (String stop : new String[] {"\n", " (for ", " at [Source", "[Source"}) {
            int i = m.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String s = m.substring(0, end).trim();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The JSON path of a parser position, e.g. {@code features[3].geometry.coordinates[0][2]}. */
    public static String path(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + Quote.cut(c.getCurrentName()));
            }
        }
        Collections.reverse(parts);
        if (parts.size() > 12) { // a path as deep as the nesting cap says nothing more after a dozen steps
            int depth = parts.size();
            parts = new ArrayList<>(parts.subList(0, 10));
            parts.add("... (" + depth + " levels)");
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }
}
