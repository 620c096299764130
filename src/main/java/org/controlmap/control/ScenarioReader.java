package org.controlmap.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.controlmap.InputException;
import org.controlmap.geodata.InputSniffer;
import org.controlmap.geodata.JsonTree;
import org.controlmap.geodata.Quote;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * Reads a scenario file (YAML or JSON; schema in {@code docs/scenario-format.md})
 * and checks it against the region catalogue. Every problem is an
 * {@link InputException} naming the file, the line and column of the
 * statement, and what is wrong; warnings (an identical statement given twice)
 * go to the consumer passed in.
 *
 * <p>The file is walked with a streaming parser so each statement keeps the
 * place where it was written; each statement itself is small and read as a
 * tree ({@link JsonTree}) whose values keep theirs. The file must be UTF-8
 * ({@link InputSniffer#utf8Text}) and hold one YAML document; YAML anchors
 * and aliases are refused (Jackson gives an alias as its anchor's name);
 * numbers must be written in decimal digits.
 */
public final class ScenarioReader {
    /** Name of the bundled scenario (the Reuters report of November 2024). */
    public static final String BUNDLED_NAME = "scenarios/reuters-2024-11.yaml";
    private static final String BUNDLED_RESOURCE = "/org/controlmap/scenarios/reuters-2024-11.yaml";
    static final int MAX_BYTES = 4 << 20;

    private static final Set<String> TOP_KEYS = Set.of("date", "title", "source", "basis", "statements", "totals",
            "notes");
    private static final Set<String> STATEMENT_KEYS = Set.of("id", "region", "regions", "controller", "percent",
            "km2", "qualifier", "min", "max", "quote", "note");
    private static final Set<String> SOURCE_KEYS = Set.of("title", "publisher", "date", "url", "quote", "author",
            "note");

    private final RegionCatalogue catalogue;
    private final Consumer<String> warnings;

    public ScenarioReader(RegionCatalogue catalogue, Consumer<String> warnings) {
        this.catalogue = catalogue;
        this.warnings = warnings;
    }

    private static volatile Scenario bundled;

    /** The bundled scenario, read once per run (the CLI reads it ahead on the second core). */
    public static Scenario bundled(RegionCatalogue catalogue) {
        if (catalogue != RegionCatalogue.bundled()) {
            return readBundled(catalogue); // resolved against another catalogue: not shared
        }
        Scenario s = bundled;
        if (s == null) {
            synchronized (ScenarioReader.class) {
                if (bundled == null) {
                    bundled = readBundled(catalogue);
                }
                s = bundled;
            }
        }
        return s;
    }

    private static Scenario readBundled(RegionCatalogue catalogue) {
        try (InputStream in = ScenarioReader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled scenario " + BUNDLED_RESOURCE);
            }
            return new ScenarioReader(catalogue, w -> { }).read(in.readAllBytes(), BUNDLED_NAME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Scenario read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory, not a scenario file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file + ": scenario file larger than " + (MAX_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return read(bytes, file.toString());
    }

    /** Reads a scenario from bytes; {@code name} is used in messages and decides YAML vs JSON by extension. */
    public Scenario read(byte[] bytes, String name) {
        String text = InputSniffer.utf8Text(bytes, name);
        if (text.isBlank()) {
            throw new InputException(name + ": empty file");
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
        JsonFactory factory = json ? ScenarioSyntax.jsonFactory() : ScenarioSyntax.yamlFactory();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        JsonParser parser = null;
        try (JsonParser p = factory.createParser(new ByteArrayInputStream(utf8))) {
            parser = p;
            return parse(p, name);
        } catch (JsonTree.Malformed e) {
            throw InputException.at(name, e.line(), e.column(), e.getMessage());
        } catch (JsonProcessingException e) {
            throw json ? ScenarioSyntax.malformedJson(e, parser, utf8.length, name)
                    : ScenarioSyntax.malformedYaml(e, parser, text, name);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private Scenario parse(JsonParser p, String name) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw at(name, p.currentLocation(), "a scenario must be a mapping with date, source and statements");
        }
        LocalDate date = null;
        ScenarioSource source = null;
        List<Placed> statements = new ArrayList<>();
        List<Placed> totals = new ArrayList<>();
        JsonLocation start = p.currentTokenLocation();
        Map<String, Integer> keyLines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyLoc = p.currentTokenLocation();
            Integer first = keyLines.putIfAbsent(key, keyLoc.getLineNr());
            if (first != null) {
                throw at(name, keyLoc, "duplicate key '" + Quote.cut(key) + "' (first at line " + first + ")");
            }
            p.nextToken();
            switch (key) {
                case "date" -> date = date(JsonTree.read(p, ScenarioSyntax.refusal(p)), name, keyLoc, "date");
                case "source" -> source = source(JsonTree.read(p, ScenarioSyntax.refusal(p)), name, keyLoc);
                case "statements" -> readList(p, name, key, statements);
                case "totals" -> readList(p, name, key, totals);
                default -> {
                    if (!TOP_KEYS.contains(key)) {
                        throw at(name, keyLoc, "unknown key '" + Quote.cut(key) + "' (expected one of date, source, "
                                + "statements, totals, notes)");
                    }
                    p.skipChildren();
                }
            }
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw at(name, p.currentTokenLocation(), p instanceof YAMLParser
                    ? "a second YAML document (after ---): a scenario file holds one; remove it or put it in a file"
                            + " of its own"
                    : "unexpected content after the end of the scenario object");
        }
        if (date == null) {
            throw at(name, start, "missing 'date' (YYYY-MM-DD: the date the figures describe)");
        }
        if (source == null) {
            throw at(name, start, "missing 'source' (title, publisher, date, url, quote)");
        }
        if (statements.isEmpty()) {
            throw at(name, start, "no statements: a scenario needs at least one 'statements' entry");
        }
        List<ControlStatement> st = new ArrayList<>();
        for (Placed pl : statements) {
            st.add(statement(pl, name, false));
        }
        st = withoutRepeats(st);
        GroupStatements.requireResolvable(st);
        List<ControlStatement> tot = new ArrayList<>();
        for (Placed pl : totals) {
            tot.add(statement(pl, name, true));
        }
        return new Scenario(name, date, source, List.copyOf(st), List.copyOf(tot));
    }

    private record Placed(JsonTree node, JsonLocation loc, String path) {
    }

    private static void readList(JsonParser p, String name, String key, List<Placed> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            String why = p.currentToken().isScalarValue() ? ScenarioSyntax.refusal(p).why(p) : null;
            throw at(name, p.currentTokenLocation(), why != null ? why : "'" + key + "' must be a list");
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation loc = p.currentTokenLocation();
            JsonTree n = JsonTree.read(p, ScenarioSyntax.refusal(p));
            if (!n.isObject()) {
                throw at(name, loc, key + "[" + i + "]: each entry must be a mapping with region, controller "
                        + "and percent or km2");
            }
            into.add(new Placed(n, loc, key + "[" + i + "]"));
            i++;
        }
    }

    private ControlStatement statement(Placed pl, String name, boolean total) {
        JsonTree n = pl.node();
        String where = pl.path();
        for (String k : n.fields().keySet()) {
            if (!STATEMENT_KEYS.contains(k)) {
                throw at(name, pl.loc(), where + ": unknown key '" + Quote.cut(k) + "' (expected region, controller, "
                        + "percent "
                        + "or km2, qualifier, min, max, quote, id)");
            }
        }
        JsonTree regionNode = n.has("regions") ? n.get("regions") : n.get("region");
        if (regionNode == null || regionNode.isNull()) {
            throw at(name, pl.loc(), where + ": missing 'region'");
        }
        List<String> regionTexts = new ArrayList<>();
        if (regionNode.isArray()) {
            if (regionNode.items().isEmpty()) {
                throw at(name, pl.loc(), where + ": 'region' is an empty list (name at least one region)");
            }
            regionNode.items().forEach(r -> regionTexts.add(regionText(r, name, pl)));
        } else {
            regionTexts.add(regionText(regionNode, name, pl));
        }
        List<Region> regions = new ArrayList<>();
        for (String rt : regionTexts) {
            List<Region> rs = catalogue.resolve(rt);
            if (rs.isEmpty()) {
                String hint = catalogue.suggest(rt).map(s -> " (did you mean " + s + "?)").orElse("");
                throw at(name, pl.loc(), where + ": " + Quote.cut(rt) + ": no such region" + hint);
            }
            for (Region r : rs) {
                if (!regions.contains(r)) {
                    regions.add(r);
                }
            }
        }
        regions.sort((a, b) -> Integer.compare(catalogue.regions().indexOf(a), catalogue.regions().indexOf(b)));
        String regionText = String.join(" + ", regionTexts);
        String label = where + " (" + Quote.cut(regionText) + ")";

        String ctext = text(n, "controller");
        Controller controller = ctext == null ? null : Controller.parse(ctext);
        if (controller == null) {
            throw at(name, pl.loc(), label + ": controller must be RU or UA" + (ctext == null ? "" : ", not '"
                    + Quote.cut(ctext) + "'"));
        }
        Double percent = number(n, "percent", name, pl, label);
        Double km2 = number(n, "km2", name, pl, label);
        if (percent != null && km2 != null) {
            throw at(name, pl.loc(), label + ": give percent or km2, not both");
        }
        String qtext = text(n, "qualifier");
        Qualifier q;
        if (qtext == null) {
            q = Qualifier.EXACT;
        } else {
            q = Qualifier.parse(qtext);
            if (q == null) {
                throw at(name, pl.loc(), label + ": unknown qualifier '" + Quote.cut(qtext)
                        + "' (expected exact, about, more-than, less-than, sliver, all)");
            }
        }
        Double amount = percent != null ? percent : km2;
        AmountUnit unit = km2 != null ? AmountUnit.KM2 : AmountUnit.PERCENT;
        if (amount == null && q != Qualifier.SLIVER && q != Qualifier.ALL) {
            throw at(name, pl.loc(), label + ": missing percent or km2 (only 'sliver' and 'all' may omit the figure)");
        }
        if (percent != null && (percent < 0 || percent > 100)) {
            throw at(name, pl.loc(), label + ": percent " + NumberText.plain(percent) + " is outside 0–100");
        }
        if (km2 != null && km2 < 0) {
            throw at(name, pl.loc(), label + ": km2 " + NumberText.plain(km2) + " is negative");
        }
        if (km2 != null) {
            double largest = 0;
            for (Region r : regions) {
                largest += Math.max(r.officialAreaKm2(), r.areaKm2());
            }
            if (km2 > largest) {
                throw at(name, pl.loc(), label + ": " + NumberText.grouped(km2) + " km² is larger than the "
                        + (regions.size() == 1 ? "region" : "regions together") + " ("
                        + NumberText.grouped(Math.round(largest)) + " km²)");
            }
        }
        if (q == Qualifier.SLIVER && amount != null) {
            // See docs/scenario-format.md: a number with "a sliver" is either the source's (then it is an
            // about or exact figure) or the writer's guess (which the table would show as the source's).
            throw at(name, pl.loc(), label + ": qualifier 'sliver' with " + (percent != null ? "percent "
                    + NumberText.plain(percent) : "km2 " + NumberText.grouped(km2)) + ": 'a sliver' is a part the "
                    + "source does not quantify; if the source gives the number, write it with qualifier about "
                    + "or exact, else leave the number out (drawn as a nominal 0.5%, checked as (0, 1%])");
        }
        if (!total) {
            requireForeignHolder(regions, controller, percent, q, name, pl, label);
        }
        if (q == Qualifier.ALL && percent != null && percent != 100) {
            throw at(name, pl.loc(), label + ": qualifier 'all' with percent " + NumberText.plain(percent)
                    + " (all means 100)");
        }
        Double min = number(n, "min", name, pl, label);
        Double max = number(n, "max", name, pl, label);
        if (min != null && max != null && min > max) {
            throw at(name, pl.loc(), label + ": min " + NumberText.plain(min) + " is above max "
                    + NumberText.plain(max));
        }
        if (unit == AmountUnit.PERCENT) {
            for (Double b : new Double[] {min, max}) {
                if (b != null && (b < 0 || b > 100)) {
                    throw at(name, pl.loc(), label + ": bound " + NumberText.plain(b) + " is outside 0–100");
                }
            }
        }
        String quote = text(n, "quote");
        String id = text(n, "id");
        if (id == null) {
            id = (total ? "total/" : "") + regions.stream().map(Region::iso).reduce((a, b) -> a + "+" + b)
                    .orElse("") + "/" + controller + (total ? "/" + unit.label() : "");
        }
        String place = name + ":" + pl.loc().getLineNr() + ":" + pl.loc().getColumnNr();
        return new ControlStatement(id, regionText, List.copyOf(regions), controller, amount, unit, q, min, max,
                quote == null ? "" : quote, total, place);
    }

    /**
     * A statement's holder must be the side that is not the region's own country: controlmap tables what
     * an occupying side holds, and a region's own side holds the rest. "Ukraine holds 30% of Donetsk"
     * drawn as Ukrainian-held would read as occupation; the hint restates it as what Russia holds.
     */
    private static void requireForeignHolder(List<Region> regions, Controller controller, Double percent,
            Qualifier q, String name, Placed pl, String label) {
        for (Region r : regions) {
            if (Controller.parse(r.country()) != controller) {
                continue;
            }
            Controller other = controller == Controller.RU ? Controller.UA : Controller.RU;
            String country = controller.countryName();
            throw at(name, pl.loc(), label + ": " + country + " holding part of " + country + "'s own region "
                    + r.iso() + " " + r.nameEn() + " is not a control figure; did you mean "
                    + restated(other, percent, q) + "? controlmap tables what an occupying side holds");
        }
    }

    /** The same figure said of the other side: "controller: RU, percent: 70, qualifier: less-than". */
    private static String restated(Controller other, Double percent, Qualifier q) {
        String c = "controller: " + other;
        if (q == Qualifier.ALL) {
            return "no statement (" + other.countryName() + " holds none of it)";
        }
        if (percent == null || q == Qualifier.SLIVER) {
            return c + " with what " + other.countryName() + " holds";
        }
        String p = c + ", percent: " + NumberText.plain(100 - percent);
        return switch (q) {
            case MORE_THAN -> p + ", qualifier: less-than";
            case LESS_THAN -> p + ", qualifier: more-than";
            case ABOUT -> p + ", qualifier: about";
            default -> p;
        };
    }

    /** A region must be written as text: YAML would read an unquoted NO as false, 05 as 5. */
    private static String regionText(JsonTree r, String name, Placed pl) {
        if (!r.isTextual()) {
            throw at(name, r, pl.path() + ": region must be text, not " + r.kind().name()
                    .toLowerCase(Locale.ROOT) + " '" + Quote.cut(r.asText()) + "' (quote it)");
        }
        return r.asText().trim();
    }

    private static String text(JsonTree n, String key) {
        JsonTree v = n.get(key);
        return v == null || v.isNull() ? null : v.asText().trim();
    }

    /** A number as YAML 1.1 and JSON both read it, and as a person reads it: decimal digits only. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.[0-9]+([eE][-+]?[0-9]+)?");

    /**
     * The member's number, or null when absent. Refused, at the value's own line and column: text, lists
     * (a range is min and max), NaN and infinities, and numbers YAML reads otherwise than a person does
     * (0x1F as 31, 012 as 10, 1_000 as 1000) or that a double cannot hold (1e-400 read as 0, 1e400).
     */
    private static Double number(JsonTree n, String key, String name, Placed pl, String label) {
        JsonTree v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray() || v.isObject()) {
            String range = "";
            if (v.isArray() && v.items().size() == 2 && v.items().stream().allMatch(JsonTree::isNumber)) {
                range = "; for a range write min: " + v.items().get(0).asText() + " and max: "
                        + v.items().get(1).asText() + (key.equals("percent") || key.equals("km2")
                        ? " beside the figure, or the figure alone" : "");
            }
            throw at(name, v, label + ": " + key + " must be one number, not a " + (v.isArray() ? "list" : "mapping")
                    + range);
        }
        if (!v.isNumber()) {
            String shown = Quote.cut(v.asText());
            String hint = shown.trim().endsWith("%") ? " (write " + shown.trim().replace("%", "").trim()
                    + ", not \"" + shown + "\")" : "";
            throw at(name, v, label + ": " + key + " must be a number, not '" + shown + "'" + hint);
        }
        String written = v.asText().trim();
        if (!DECIMAL.matcher(written).matches()) {
            throw at(name, v, label + ": " + key + " " + Quote.cut(written) + " is not a decimal number (YAML reads"
                    + " it as " + NumberText.plain(v.doubleValue()) + "); write the figure in decimal digits");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw at(name, v, label + ": " + key + " " + Quote.cut(written) + " is too large");
        }
        if (d == 0 && written.replaceFirst("[eE].*", "").chars().anyMatch(c -> c >= '1' && c <= '9')) {
            throw at(name, v, label + ": " + key + " " + Quote.cut(written) + " is too small to tell from 0; write"
                    + " 0 or a figure in plain decimals");
        }
        return d;
    }

    /** The date in {@code v}; errors name the value's own place, else {@code loc} (where its key is). */
    private static LocalDate date(JsonTree v, String name, JsonLocation loc, String what) {
        String s = v == null ? "" : v.asText().trim();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            String msg = what + " must be YYYY-MM-DD, not '" + Quote.cut(s) + "'";
            throw v != null && v.line() > 0 ? at(name, v, msg) : at(name, loc, msg);
        }
    }

    private static ScenarioSource source(JsonTree n, String name, JsonLocation loc) {
        if (!n.isObject()) {
            throw at(name, loc, "'source' must be a mapping with title, publisher, date, url, quote");
        }
        for (String k : n.fields().keySet()) {
            if (!SOURCE_KEYS.contains(k)) {
                throw at(name, loc, "source: unknown key '" + Quote.cut(k) + "' (expected title, publisher, date,"
                        + " url, quote)");
            }
        }
        String title = text(n, "title");
        if (title == null || title.isEmpty()) {
            throw at(name, loc, "source: missing 'title'");
        }
        LocalDate d = n.has("date") ? date(n.get("date"), name, loc, "source.date") : null;
        return new ScenarioSource(title, text(n, "publisher"), d, text(n, "url"), text(n, "quote"));
    }

    /**
     * The same region, or the same group of regions, given twice: an error when the figures differ, a
     * warning when they repeat. A group and a member's own figure are not repeats: the group's figure
     * fills the other members ({@link ScenarioAllocation}).
     */
    private List<ControlStatement> withoutRepeats(List<ControlStatement> st) {
        Map<String, ControlStatement> seen = new LinkedHashMap<>();
        List<ControlStatement> kept = new ArrayList<>();
        for (ControlStatement s : st) {
            String iso = s.regions().stream().map(Region::iso).collect(Collectors.joining("+"));
            ControlStatement prev = seen.putIfAbsent(iso, s);
            if (prev == null) {
                kept.add(s);
                continue;
            }
            boolean same = prev.controller() == s.controller() && prev.unit() == s.unit()
                    && prev.qualifier() == s.qualifier() && java.util.Objects.equals(prev.amount(), s.amount());
            String region = s.regions().size() == 1 ? iso + " " + s.regions().get(0).nameEn()
                    : s.regions().stream().map(Region::nameEn).collect(Collectors.joining(" + "));
            if (same) {
                warnings.accept(s.place() + ": " + region + " given twice with the same figure ("
                        + s.figureText() + "); using it once");
            } else {
                throw new InputException(s.place() + ": " + region + " given twice with different figures: "
                        + prev.controller() + " " + prev.figureText() + " at line " + line(prev.place()) + ", "
                        + s.controller() + " " + s.figureText() + " here");
            }
        }
        return List.copyOf(kept);
    }

    private static String line(String place) {
        String[] parts = place.split(":");
        return parts.length >= 3 ? parts[parts.length - 2] : place;
    }

    private static InputException at(String name, JsonTree value, String what) {
        return InputException.at(name, value.line(), value.column(), what);
    }

    private static InputException at(String name, JsonLocation loc, String what) {
        return InputException.at(name, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), what);
    }
}
