package dev.drydock.trainer.output;

import java.util.Locale;

/** A minimal SVG plot area with linear axes: enough for the tuning report, no JavaScript, no dependency. */
final class SvgChart {
    static final int WIDTH = 420;
    static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 15;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    private final StringBuilder svg = new StringBuilder();
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    SvgChart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax == xMin ? xMin + 1 : xMax;
        this.yMin = yMin;
        this.yMax = yMax == yMin ? yMin + 1e-9 : yMax;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        text(WIDTH / 2.0, 18, title, "middle", 14, "bold");
        text(WIDTH / 2.0, HEIGHT - 8, xLabel, "middle", 12, "normal");
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %.1f)\">%s</text>", HEIGHT / 2.0, HEIGHT / 2.0, Html.escape(yLabel)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\""
                + " stroke=\"#999\"/>", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double y = this.yMin + (this.yMax - this.yMin) * i / 4;
            text(LEFT - 4, py(y) + 4, String.format(Locale.ROOT, "%.4f", y), "end", 10, "normal");
        }
    }

    double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    double py(double y) {
        double clipped = Math.max(yMin, Math.min(yMax, y));
        return TOP + (1 - (clipped - yMin) / (yMax - yMin)) * (HEIGHT - TOP - BOTTOM);
    }

    void xTick(double x, String label) {
        text(px(x), HEIGHT - BOTTOM + 14, label, "middle", 10, "normal");
    }

    void dot(double x, double y, String color, double radius, String tooltip) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\""
                + " fill-opacity=\"0.55\"><title>%s</title></circle>", px(x), py(y), radius, color, Html.escape(tooltip)));
    }

    void polyline(double[] xs, double[] ys, String color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xs[i]), py(ys[i])));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>");
    }

    void line(double x0, double y0, double x1, double y1, String color, boolean dashed) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"1.5\"%s/>", px(x0), py(y0), px(x1), py(y1), color,
                dashed ? " stroke-dasharray=\"4 3\"" : ""));
    }

    private void text(double x, double y, String s, String anchor, int size, String weight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\""
                + " text-anchor=\"%s\">%s</text>", x, y, size, weight, anchor, Html.escape(s)));
    }

    String render() {
        return svg + "</svg>";
    }
}
