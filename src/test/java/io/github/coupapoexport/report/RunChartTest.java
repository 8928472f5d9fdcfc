package io.github.coupapoexport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.report.ReportSamples.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stacked bars: one per run, oldest left, each outcome a segment as tall as its count on the axis. */
class RunChartTest {

    private static final Pattern BAR = Pattern.compile("<rect class=\"bar (\\w+)\" data-outcome=\"\\w+\" "
            + "data-count=\"(\\d+)\" x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"");

    @Test
    void zeroRunsGiveAnAxisAndSayThereAreNoRunsYet() {
        // when
        String svg = RunChart.svg(List.of());

        // then
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("no runs yet", ">0</text>", ">4</text>")
            .doesNotContain("class=\"bar");
    }

    @Test
    void oneRunIsOneBarWithASegmentPerOutcomeItHad() {
        // when
        String svg = RunChart.svg(List.of(run(7, "COMPLETED", 27, 3, 0, 0, 61)));

        // then the segments stack from the baseline, exported below rejected, and reach the run's total on the axis
        List<String[]> bars = bars(svg);
        assertThat(bars).extracting(bar -> bar[0] + " " + bar[1]).containsExactly("exported 27", "failed 3");
        double exportedTop = Double.parseDouble(bars.get(0)[3]);
        double failedBottom = Double.parseDouble(bars.get(1)[3]) + Double.parseDouble(bars.get(1)[5]);
        assertThat(failedBottom).isCloseTo(exportedTop, within(0.11));
        assertThat(Double.parseDouble(bars.get(0)[5]) / Double.parseDouble(bars.get(1)[5]))
            .isCloseTo(9.0, within(0.05));
        assertThat(svg).contains(">#7</text>", ">30</text>", ">40</text>", "execution 7: 3 rejected/failed",
                "exported", "skipped", "queued", "rejected/failed");
    }

    @Test
    void manyRunsAreDrawnOldestLeftAndEveryOutcomeHasItsColour() {
        // given the runs newest first, as the table lists them
        List<RunRow> runs = new ArrayList<>();
        for (long id = 10; id >= 1; id--) {
            runs.add(run(id, "COMPLETED", id * 10, id % 3, id % 2, id % 4, id * 25));
        }

        // when
        String svg = RunChart.svg(runs);

        // then
        List<String[]> exported = bars(svg).stream().filter(bar -> bar[0].equals("exported")).toList();
        assertThat(exported).extracting(bar -> bar[1]).containsExactly("10", "20", "30", "40", "50", "60", "70",
                "80", "90", "100");
        assertThat(exported).extracting(bar -> Double.parseDouble(bar[2])).isSorted();
        assertThat(svg).contains("fill=\"#2e7d32\"", "fill=\"#c62828\"", "fill=\"#78909c\"", "fill=\"#f9a825\"")
            .containsSubsequence("#1<", "#2<", "#10<");
    }

    @Test
    void theAxisEndsOnARoundNumberAboveTheTallestBar() {
        assertThat(RunChart.axisTop(0)).isEqualTo(4);
        assertThat(RunChart.axisTop(4)).isEqualTo(4);
        assertThat(RunChart.axisTop(5)).isEqualTo(8);
        assertThat(RunChart.axisTop(30)).isEqualTo(40);
        assertThat(RunChart.axisTop(113)).isEqualTo(200);
        assertThat(RunChart.axisTop(1_900)).isEqualTo(2_000);
    }

    /** Each bar segment: outcome, count, x, y, width, height. */
    private static List<String[]> bars(String svg) {
        List<String[]> bars = new ArrayList<>();
        Matcher bar = BAR.matcher(svg);
        while (bar.find()) {
            bars.add(new String[] {bar.group(1), bar.group(2), bar.group(3), bar.group(4), bar.group(5),
                bar.group(6)});
        }
        return bars;
    }
}
