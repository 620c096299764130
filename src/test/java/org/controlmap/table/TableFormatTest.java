package org.controlmap.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;

/** The one table writer, on a small made-up table: what each format does with awkward values. */
class TableFormatTest {
    private record Row(String name, double km2, Double front) {
    }

    private static final Row A = new Row("Kyiv, city", 839.456, null);
    private static final Row B = new Row("two\nlines \"quoted\" | piped", 1234567.8915, 12.5);
    private static final Row TOTAL = new Row("Total", 1235407.3475, null);

    private static Table<Row> table() {
        List<Column<Row>> cols = new ArrayList<>();
        cols.add(Column.text("name", "Name", Row::name));
        cols.add(Column.number("km2", "Held km²", 3, Row::km2, 0));
        cols.add(Column.<Row>number("front_km", null, 1, r -> r.front() == null ? Double.NaN : r.front(), 0)
                .omittedWhenNull());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("title", "A table");
        about.put("date", null);
        about.put("nested", Map.of("k", Column.fixed(1.23456, 2)));
        return new Table<>("Caption <b> & more", about, cols, List.of(A, B, TOTAL), TOTAL, List.of("A note | x"),
                "test");
    }

    private static String write(TableFormat f, Table<?> t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvQuotesWhatNeedsItAndReadsBackAsWritten() throws IOException {
        String csv = write(TableFormat.CSV, table());
        assertThat(csv).startsWith("name,km2,front_km\n\"Kyiv, city\",839.456,\n");
        assertThat(csv).doesNotContain("\r");
        List<List<String>> rows = new ArrayList<>();
        var it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(List.class).readValues(csv);
        while (it.hasNext()) {
            @SuppressWarnings("unchecked")
            List<String> r = (List<String>) it.next();
            rows.add(r);
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).containsExactly(B.name(), "1234567.892", "12.5");
    }

    @Test
    void jsonOmitsSparseNullsAndNestsAbout() throws IOException {
        String json = write(TableFormat.JSON, table());
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("title").asText()).isEqualTo("A table");
        assertThat(root.get("date").isNull()).isTrue();
        assertThat(root.get("nested").get("k").decimalValue()).isEqualByComparingTo("1.23");
        assertThat(root.get("rows").get(0).has("front_km")).isFalse();
        assertThat(root.get("rows").get(1).get("front_km").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(root.get("rows").get(1).get("km2").decimalValue()).isEqualByComparingTo("1234567.892");
        assertThat(root.get("notes").get(0).asText()).isEqualTo("A note | x");
        assertThat(json).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void readersGetTextEscapedAndTheTotalSetApart() throws IOException {
        String md = write(TableFormat.MD, table());
        assertThat(md).startsWith("**Caption <b> & more**\n\n| Name | Held km² |\n| --- | ---: |\n");
        assertThat(md).contains("| two lines \"quoted\" \\| piped | 1,234,568 |");
        assertThat(md).contains("| **Total** | **1,235,407** |");
        assertThat(md).contains("- A note \\| x");
        String html = write(TableFormat.HTML, table());
        assertThat(html).startsWith("<table class=\"controlmap-test\">\n<caption>Caption &lt;b&gt; &amp; more</caption>");
        assertThat(html).contains("<tfoot>\n<tr><th scope=\"row\">Total</th><th style=\"text-align:right\">1,235,407</th>");
        assertThat(html).doesNotContain("front");
    }

    @Test
    void formatByExtensionOrRefusedInOneLine() {
        assertThat(TableFormat.choose(null, Path.of("out/Table.MARKDOWN"), TableFormat.values())).isEqualTo(TableFormat.MD);
        assertThat(TableFormat.choose(null, null, TableFormat.values())).isEqualTo(TableFormat.CSV);
        assertThat(TableFormat.choose(TableFormat.JSON, Path.of("x.csv"), TableFormat.values())).isEqualTo(TableFormat.JSON);
        assertThatThrownBy(() -> TableFormat.choose(null, Path.of("x.xlsx"), TableFormat.CSV, TableFormat.JSON))
                .isInstanceOf(InputException.class)
                .hasMessage("x.xlsx: unknown table format; use .csv or .json, or --format");
    }
}
