package org.controlmap.geodata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON (or YAML) value as a small tree, built from Jackson's streaming
 * parser, each node keeping the line and column where it was written. Used for
 * the parts of a file that are small and read whole: a scenario's statements
 * ({@code control.ScenarioReader}) and a GeoJSON feature's properties and crs
 * ({@link GeoJsonReader}).
 *
 * <p>Hand-written because Jackson's tree model lives in jackson-databind, whose
 * ObjectMapper takes about 40 ms to start in a fresh JVM (a quarter of a whole
 * {@code areas} run) to build a few dozen nodes. Duplicate keys are found here,
 * with the key's place, rather than by Jackson, whose error says only "Duplicate
 * field" and no path.
 */
public final class JsonTree {

    /** What a node is. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /**
     * A value the reader refuses although the parser accepts it (NaN in JSON, a
     * YAML alias); says why, or returns null to accept it. Called on every scalar.
     */
    @FunctionalInterface
    public interface Refusal {
        String why(JsonParser p) throws IOException;
    }

    /** A value the tree refuses: where (1-based line and column, JSON path) and what is wrong. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final String path;

        Malformed(JsonLocation at, String path, String what) {
            super(what, null, false, false);
            this.line = at == null ? 0 : at.getLineNr();
            this.column = at == null ? 0 : at.getColumnNr();
            this.path = path;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** JSON path of the value, e.g. {@code features[3].properties.name}; empty at the top. */
        public String path() {
            return path;
        }
    }

    private final Kind kind;
    private final Map<String, JsonTree> fields;
    private final List<JsonTree> items;
    private final String text;
    private final Number number;
    private final int line;
    private final int column;

    private JsonTree(Kind kind, Map<String, JsonTree> fields, List<JsonTree> items, String text, Number number,
            JsonLocation at) {
        this.kind = kind;
        this.fields = fields;
        this.items = items;
        this.text = text;
        this.number = number;
        this.line = at == null ? 0 : at.getLineNr();
        this.column = at == null ? 0 : at.getColumnNr();
    }

    /** {@link #read(JsonParser, Refusal)} refusing nothing but duplicate keys. */
    public static JsonTree read(JsonParser p) throws IOException {
        return read(p, q -> null);
    }

    /**
     * The value at the parser's current token (a value's first token); leaves
     * the parser on its last token.
     *
     * @throws Malformed for a duplicate key or a value {@code refusal} refuses
     */
    public static JsonTree read(JsonParser p, Refusal refusal) throws IOException {
        JsonToken t = p.currentToken();
        JsonLocation at = p.currentTokenLocation();
        if (t == null) {
            return new JsonTree(Kind.NULL, Map.of(), List.of(), "null", null, at);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, JsonTree> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (fields.containsKey(key)) {
                        throw new Malformed(keyAt, JsonErrors.path(p.getParsingContext()),
                                "duplicate key \"" + Quote.cut(key) + "\"");
                    }
                    p.nextToken();
                    fields.put(key, read(p, refusal));
                }
                return new JsonTree(Kind.OBJECT, Collections.unmodifiableMap(fields), List.of(), "", null, at);
            }
            case START_ARRAY -> {
                List<JsonTree> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, refusal));
                }
                return new JsonTree(Kind.ARRAY, Map.of(), Collections.unmodifiableList(items), "", null, at);
            }
            default -> {
                String why = refusal.why(p);
                if (why != null) {
                    throw new Malformed(at, JsonErrors.path(p.getParsingContext()), why);
                }
                return switch (t) {
                    case VALUE_NUMBER_INT -> new JsonTree(Kind.NUMBER, Map.of(), List.of(), p.getText(),
                            p.getNumberValue(), at);
                    case VALUE_NUMBER_FLOAT -> new JsonTree(Kind.NUMBER, Map.of(), List.of(), p.getText(),
                            p.getDoubleValue(), at);
                    // the literal as written (YAML's "NO" reads as false), the value kept in the number's place
                    case VALUE_TRUE, VALUE_FALSE -> new JsonTree(Kind.BOOLEAN, Map.of(), List.of(), p.getText(),
                            t == JsonToken.VALUE_TRUE ? 1 : 0, at);
                    case VALUE_NULL -> new JsonTree(Kind.NULL, Map.of(), List.of(), "null", null, at);
                    default -> new JsonTree(Kind.STRING, Map.of(), List.of(), p.getText(), null, at);
                };
            }
        }
    }

    /**
     * The non-numeric literals NaN, Infinity, -Infinity (and +INF...) that a
     * parser with {@code ALLOW_NON_NUMERIC_NUMBERS} passes as numbers: JSON has no
     * such numbers. Readers allow them in the parser so that they, not Jackson,
     * say what is wrong, with the place.
     */
    public static String nonNumericLiteral(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
        }
        String s = p.getText();
        int i = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        return i < s.length() && Character.isLetter(s.charAt(i)) ? s : null;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The member's value, or null when absent (a member written as null is a NULL node). */
    public JsonTree get(String key) {
        return fields.get(key);
    }

    /** An object's members in file order; empty for other kinds. */
    public Map<String, JsonTree> fields() {
        return fields;
    }

    /** An array's items; empty for other kinds. */
    public List<JsonTree> items() {
        return items;
    }

    /** Scalars as written (a number's literal, e.g. {@code 0x1F} in YAML); containers as empty text. */
    public String asText() {
        return text;
    }

    /** A number's value (Integer, Long, BigInteger or Double), or null for other kinds. */
    public Number number() {
        return kind == Kind.NUMBER ? number : null;
    }

    /** A number's value as a double; NaN for other kinds. */
    public double doubleValue() {
        return kind == Kind.NUMBER ? number.doubleValue() : Double.NaN;
    }

    /** 1-based line of the value's first character, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the value's first character, 0 when unknown. */
    public int column() {
        return column;
    }

    /**
     * The value as plain Java: String, Number (Integer, Long, BigInteger or
     * Double), Boolean, null, or unmodifiable Map (file order) and List.
     */
    public Object plain() {
        switch (kind) {
            case OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                fields.forEach((k, v) -> m.put(k, v.plain()));
                return Collections.unmodifiableMap(m);
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>(items.size());
                for (JsonTree i : items) {
                    l.add(i.plain());
                }
                return Collections.unmodifiableList(l);
            }
            case STRING:
                return text;
            case NUMBER:
                return number;
            case BOOLEAN:
                return number.intValue() == 1;
            default:
                return null;
        }
    }
}
