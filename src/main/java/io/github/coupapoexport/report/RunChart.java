package io.github.coupapoexport.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The POs of each run by outcome, as stacked bars in inline SVG: drawn here rather than by a script or a library, so
 * that the page loads nothing and shows the same in a mail client's preview as in a browser.
 */
final class RunChart {

    /** Each outcome's colour, bottom of a bar first; the same in the legend and the executions' table. */
    enum Outcome {
        EXPORTED("exported", "#2e7d32", RunRow::exported),
        SKIPPED("skipped", "#78909c", RunRow::skipped),
        QUEUED("queued", "#f9a825", RunRow::queued),
        FAILED("rejected/failed", "#c62828", RunRow::failed);

        final String label;

        final String colour;

        final ToLongFunction<RunRow> count;

        Outcome(String label, String colour, ToLongFunction<RunRow> count) {
            this.label = label;
            this.colour = colour;
            this.count = count;
        }

        String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int WIDTH = 760;

    static final int HEIGHT = 300;

    private static final int LEFT = 64;

    private static final int RIGHT = 16;

    private static final int TOP = 24;

    /** Room below the plot for the execution numbers, the axis title and the legend. */
    private static final int BOTTOM = 84;

    private RunChart() {
    }

    /** The chart of these executions, given newest first as the table lists them and drawn oldest left. */
    static String svg(List<RunRow> newestFirst) {
        List<RunRow> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        long top = axisTop(runs.stream().mapToLong(RunRow::total).max().orElse(0));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plotHeight;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"run-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" role=\"img\" aria-labelledby=\"run-chart-title\">")
            .append("<title id=\"run-chart-title\">POs per run by outcome, oldest run left</title>");
        long step = top / 4;
        for (long tick = 0; tick <= top; tick += step) {
            double y = baseline - (double) tick / top * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    LEFT, y, WIDTH - RIGHT, y))
                .append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d"
                        + "</text>", LEFT - 6, y + 4, tick));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" transform=\"translate(16 %d) rotate(-90)\" "
                + "text-anchor=\"middle\">POs</text>", TOP + plotHeight / 2));
        if (runs.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"no-runs\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                    + "no runs yet</text>", LEFT + plotWidth / 2, TOP + plotHeight / 2));
        }
        double slot = (double) plotWidth / Math.max(1, runs.size());
        double barWidth = Math.min(56, slot * 0.6);
        for (int i = 0; i < runs.size(); i++) {
            RunRow run = runs.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = baseline;
            svg.append("<g class=\"run\" data-execution=\"").append(run.execution()).append("\">");
            for (Outcome outcome : Outcome.values()) {
                long count = outcome.count.applyAsLong(run);
                if (count == 0) {
                    continue;
                }
                double height = (double) count / top * plotHeight;
                y -= height;
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" data-outcome=\"%s\" data-count=\"%d\" "
                        + "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>execution %d: %d %s"
                        + "</title></rect>", outcome.cssClass(), outcome.cssClass(), count, x, y, barWidth, height,
                        outcome.colour, run.execution(), count, outcome.label));
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"total\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                    + "%d</text>", x + barWidth / 2, y - 5, run.total()))
                .append(String.format(Locale.ROOT, "<text class=\"execution\" x=\"%.1f\" y=\"%d\" "
                        + "text-anchor=\"middle\">#%d</text>", x + barWidth / 2, baseline + 16, run.execution()))
                .append("</g>");
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
                baseline, WIDTH - RIGHT, baseline))
            .append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                    + "execution (oldest left)</text>", LEFT + plotWidth / 2, baseline + 36));
        legend(svg, baseline + 62);
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, int y) {
        int x = LEFT;
        svg.append("<g class=\"legend\">");
        for (Outcome outcome : Outcome.values()) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"swatch %s\" x=\"%d\" y=\"%d\" width=\"12\" "
                    + "height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>", outcome.cssClass(), x, y - 10,
                    outcome.colour, x + 18, y, outcome.label));
            x += 40 + outcome.label.length() * 8;
        }
        svg.append("</g>");
    }

    /**
     * The top of the POs axis: the largest bar rounded up to four even steps of 1, 2 or 5 times a power of ten, so
     * that the ticks are numbers a person reads at a glance. At least 4, so that runs of nothing still get an axis.
     */
    static long axisTop(long largest) {
        long step = 1;
        while (step * 4 < largest) {
            // 1, 2, 5, 10, 20, 50, ...
            step = String.valueOf(step).charAt(0) == '2' ? step / 2 * 5 : step * 2;
        }
        return step * 4;
    }
}
