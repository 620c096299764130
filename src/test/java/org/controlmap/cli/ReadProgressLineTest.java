package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of a long read: nothing for two seconds, then one line redrawn in place, then wiped. */
class ReadProgressLineTest {

    @Test
    void showsNothingForAShortReadThenOneLineRedrawnAndWiped() {
        AtomicLong now = new AtomicLong(1_000);
        StringWriter out = new StringWriter();
        ReadProgressLine line = new ReadProgressLine("big.geojson", new PrintWriter(out), now::get);
        line.update(5L << 20, 250L << 20, 10_000);
        now.addAndGet(ReadProgressLine.DELAY_MS - 1);
        line.update(20L << 20, 250L << 20, 40_000);
        assertThat(out.toString()).isEmpty();
        now.addAndGet(1);
        line.update(120L << 20, 250L << 20, 410_000);
        assertThat(out.toString()).isEqualTo("\rreading big.geojson: 120 of 250 MB, 410,000 features");
        line.update(121L << 20, 250L << 20, 411_000); // too soon to redraw
        assertThat(out.toString()).doesNotContain("411,000");
        now.addAndGet(ReadProgressLine.EVERY_MS);
        line.update(2L << 20, -1, 5);
        String first = "reading big.geojson: 120 of 250 MB, 410,000 features";
        String second = "reading big.geojson: 2 MB, 5 features";
        assertThat(out.toString()).endsWith("\r" + second + " ".repeat(first.length() - second.length()));
        line.clear();
        String wiped = out.toString();
        assertThat(wiped).endsWith("\r" + " ".repeat(second.length()) + "\r");
        line.clear(); // once is enough
        assertThat(out.toString()).isEqualTo(wiped);
    }

    @Test
    void aFormatWithoutByteCountsShowsFeaturesOnly() {
        assertThat(ReadProgressLine.text("a.gpkg", -1, -1, 1)).isEqualTo("reading a.gpkg: 1 feature");
    }
}
