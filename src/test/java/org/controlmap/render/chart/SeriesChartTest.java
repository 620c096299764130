package org.controlmap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesChartTest {
    private static SeriesChart chart() {
        List<LocalDate> dates = new ArrayList<>();
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) {
            dates.add(LocalDate.of(2024, 7, 8).plusDays(i));
            v[i] = 107_600 + 15.5 * i;
        }
        return new SeriesChart("Territory held by Russia", "test credit",
                List.of(new SeriesChart.Panel("Ukraine", "Held, km²", List.of(new SeriesChart.Line("Ukraine", dates, v)))));
    }

    @Test
    void niceTicksCoverTheRangeInRoundSteps() {
        double[] t = SeriesChart.niceTicks(107_612, 111_858);
        assertThat(t[0]).isLessThanOrEqualTo(107_612);
        assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(111_858);
        assertThat(t[1] - t[0]).isEqualTo(1000);
        assertThat(t.length).isBetween(4, 8);
    }

    @Test
    void monthTicksAndLabels() {
        List<LocalDate> ticks = SeriesChart.dateTicks(LocalDate.of(2024, 7, 8), LocalDate.of(2025, 6, 30));
        assertThat(ticks.get(0)).isEqualTo(LocalDate.of(2024, 8, 1));
        assertThat(ticks).hasSize(11);
        assertThat(SeriesChart.dateLabel(LocalDate.of(2025, 1, 1), 357, false)).isEqualTo("Jan 2025");
        assertThat(SeriesChart.dateLabel(LocalDate.of(2025, 3, 1), 357, false)).isEqualTo("Mar");
    }

    @Test
    void svgHasTitleAxesCreditAndIsDeterministic() {
        String svg = chart().svg();
        assertThat(svg).startsWith("<?xml").contains("Territory held by Russia").contains("Source: test credit")
                .contains("Held, km²").contains("Aug 2024").contains("108,000");
        assertThat(chart().svg()).isEqualTo(svg);
    }

    @Test
    void pngIsAPngAndDeterministic() {
        byte[] png = chart().png();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(chart().png()).isEqualTo(png);
    }
}
