package dev.drydock.core.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scatter chart as inline SVG, for {@link TuningReport}: two axes, ticks, points with a hover title, and an
 * optional step line. No script and no library: a page that holds it opens anywhere, offline, and is XML.
 */
final class SvgChart {
    static final int WIDTH = 560;
    static final int HEIGHT = 320;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 48;

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<String> marks = new ArrayList<>();

    /**
     * What a point stands for: {@code id} names it ({@code data-trial}), {@code cssClass} its kind, {@code tooltip}
     * what hovering shows.
     */
    record Mark(String id, String cssClass, String tooltip) {
    }

    SvgChart(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
    }

    /**
     * A point at {@code (xValue, yValue)} in data units. Its class names its kind (the legend and the tests read it);
     * a hollow point is drawn as a ring, so that a kind is told apart without colour too.
     */
    void point(double xValue, double yValue, Mark mark, String colour, boolean hollow) {
        marks.add(String.format(Locale.ROOT, "<circle class=\"%s\" data-trial=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\""
                        + " fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"><title>%s</title></circle>",
                mark.cssClass(), Html.escape(mark.id()), px(xValue), py(yValue), hollow ? "5" : "4",
                hollow ? "none" : colour, colour, Html.escape(mark.tooltip())));
    }

    /** A mark on the x axis for a trial that has no y value (it reported no objective). */
    void cross(double xValue, Mark mark) {
        double cx = px(xValue);
        double cy = TOP + plotHeight();
        marks.add(String.format(Locale.ROOT, "<path class=\"%s\" data-trial=\"%s\" d=\"M%.1f %.1fl8 -8m0 8l-8 -8\""
                        + " stroke=\"#757575\" stroke-width=\"2\"><title>%s</title></path>",
                mark.cssClass(), Html.escape(mark.id()), cx - 4, cy - 2, Html.escape(mark.tooltip())));
    }

    /** A line that holds each value until the next one (the best so far). */
    void steps(List<double[]> points, String cssClass) {
        if (points.isEmpty()) {
            return;
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (i == 0) {
                d.append(String.format(Locale.ROOT, "M%.1f %.1f", px(p[0]), py(p[1])));
            } else {
                d.append(String.format(Locale.ROOT, " H%.1f V%.1f", px(p[0]), py(p[1])));
            }
        }
        d.append(String.format(Locale.ROOT, " H%.1f", px(x.max())));
        marks.add(0, "<path class=\"" + cssClass + "\" d=\"" + d + "\" fill=\"none\" stroke=\"#43a047\" stroke-width=\"1.5\"/>");
    }

    String toSvg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>", WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#bdbdbd\"/>", LEFT, TOP, plotWidth(), plotHeight()));
        for (Axis.Tick tick : x.ticks()) {
            double tx = px(tick.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bdbdbd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    tx, TOP + plotHeight(), tx, TOP + plotHeight() + 4, tx, TOP + plotHeight() + 16, Html.escape(tick.label())));
        }
        for (Axis.Tick tick : y.ticks()) {
            double ty = py(tick.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bdbdbd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    LEFT - 4, ty, LEFT, ty, LEFT - 6, ty + 3, Html.escape(tick.label())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                LEFT + plotWidth() / 2, HEIGHT - 8, Html.escape(x.label())));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>", TOP + plotHeight() / 2, TOP + plotHeight() / 2, Html.escape(y.label())));
        marks.forEach(svg::append);
        return svg.append("</svg>").toString();
    }

    private double px(double value) {
        return LEFT + x.position(value) * plotWidth();
    }

    private double py(double value) {
        return TOP + (1 - y.position(value)) * plotHeight();
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }
}
