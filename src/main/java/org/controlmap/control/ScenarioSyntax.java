package org.controlmap.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.Locale;
import org.controlmap.InputException;
import org.controlmap.geodata.JsonErrors;
import org.controlmap.geodata.JsonTree;
import org.controlmap.geodata.Quote;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The syntax side of reading a scenario file: the JSON and YAML parsers as
 * {@link ScenarioReader} sets them up (limits on nesting, number length and
 * size; aliases and duplicate keys let through so the reader can say where
 * they are), what a value the parser reads but a scenario may not hold is
 * ({@link #refusal}), and Jackson's and SnakeYAML's errors in one located line.
 * What the values mean is {@link ScenarioReader}'s job.
 */
final class ScenarioSyntax {
    private ScenarioSyntax() {
    }

    static final int MAX_NESTING = 64;
    static final int MAX_NUMBER_LENGTH = 64;

    /** Duplicate keys and NaN pass the parser so that this reader says, in its words, where they are. */
    static JsonFactory jsonFactory() {
        return JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH).build())
                .build();
    }

    static InputException malformedJson(JsonProcessingException e, JsonParser p, int length, String name) {
        JsonLocation l = e.getLocation();
        boolean atEnd = l != null && l.getByteOffset() >= length;
        JsonErrors.Problem pr = JsonErrors.describe(e, p, atEnd, MAX_NESTING, MAX_NUMBER_LENGTH);
        return InputException.at(name, pr.line(), pr.column(), "malformed JSON: "
                + (pr.path().isEmpty() ? "" : pr.path() + ": ") + pr.what());
    }

    /**
     * SnakeYAML's own error: its problem at the place it marks (Jackson's location for it is where the
     * parser stood, often lines before), a tab in the indentation said as such.
     */
    static InputException malformedYaml(JsonProcessingException e, JsonParser p, String text,
            String name) {
        int line;
        int col;
        String what;
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            line = m.getProblemMark().getLine() + 1;
            col = m.getProblemMark().getColumn() + 1;
            what = m.getProblem() == null ? m.getContext() : m.getProblem();
        } else {
            JsonErrors.Problem pr = JsonErrors.describe(e, p, false, MAX_NESTING, MAX_NUMBER_LENGTH);
            line = pr.line();
            col = pr.column();
            what = (pr.path().isEmpty() ? "" : pr.path() + ": ") + pr.what();
        }
        // YAML forbids tabs in indentation; SnakeYAML's words for it ("cannot start any token") do not say so.
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < Math.min(Math.max(line, 1), lines.length); i++) {
            String ln = lines[i];
            int indent = 0;
            while (indent < ln.length() && (ln.charAt(indent) == ' ' || ln.charAt(indent) == '\t')) {
                indent++;
            }
            int tab = ln.substring(0, indent).indexOf('\t');
            if (tab >= 0 && indent < ln.length()) {
                return InputException.at(name, i + 1, tab + 1, "a tab in the indentation; YAML indents with"
                        + " spaces only: replace the tab with spaces");
            }
        }
        String first = what == null ? "" : what.lines().findFirst().orElse("");
        return InputException.at(name, line, col, "malformed YAML: " + Quote.cut(first) + yamlHint(first));
    }

    /** What to check for SnakeYAML's two most common complaints, which name the parser's state, not the cause. */
    private static String yamlHint(String problem) {
        if (problem.startsWith("mapping values are not allowed")) {
            return "; a value holding ': ' needs quotes, or this line is indented deeper than the key above it";
        }
        if (problem.startsWith("expected <block end>")) {
            return "; check this line's indentation against the lines above it (the keys of one statement start in"
                    + " one column)";
        }
        return "";
    }

    /**
     * What the reader refuses although the parser reads it: YAML aliases ({@code *name}, which Jackson
     * gives as the anchor's name, so they would be read as a region called "name") and YAML's .nan, .inf.
     */
    static JsonTree.Refusal refusal(JsonParser parser) {
        if (!(parser instanceof YAMLParser)) {
            return p -> {
                String literal = JsonTree.nonNumericLiteral(p);
                return literal == null ? null : literal + " is not a number JSON allows: write a figure";
            };
        }
        return p -> {
            if (((YAMLParser) p).isCurrentAlias()) {
                return "*" + Quote.cut(p.getText()) + " is a YAML alias; controlmap does not read anchors and"
                        + " aliases: write the value out in full";
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                String t = p.getText().toLowerCase(Locale.ROOT);
                if (t.contains("nan") || t.contains("inf")) {
                    return "'" + Quote.cut(p.getText()) + "' is not a figure: write a decimal number";
                }
            }
            return null;
        };
    }

    static YAMLFactory yamlFactory() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(20); // alias bombs
        lo.setCodePointLimit(ScenarioReader.MAX_BYTES);
        // Jackson then refuses duplicates in its words ("Duplicate field"); JsonTree and parse() say where
        lo.setAllowDuplicateKeys(true);
        lo.setNestingDepthLimit(64);
        return YAMLFactory.builder().loaderOptions(lo).build();
    }
}
