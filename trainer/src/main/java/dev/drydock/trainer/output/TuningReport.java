package dev.drydock.trainer.output;

import dev.drydock.trainer.objective.Direction;
import dev.drydock.trainer.tuning.Trial;
import dev.drydock.trainer.tuning.TuningResult;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A self-contained HTML page (inline SVG, no script) that a person would rather look at than read: the best CV
 * score (RMSLE by default) over time, and the CV score of every trial against each parameter that varied.
 */
public final class TuningReport {
    private static final String[] RUNG_COLORS = {"#9e9e9e", "#42a5f5", "#66bb6a", "#ffa726", "#ef5350", "#ab47bc"};

    private TuningReport() {
    }

    /**
     * @param file where to write
     * @param result the tuning result
     * @param summary headline figures (name to value), shown in a table above the charts
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, TuningResult result, Map<String, String> summary) throws IOException {
        Files.writeString(file, render(result, summary), StandardCharsets.UTF_8);
    }

    /**
     * @param file where to write
     * @param result the tuning result
     * @param summary headline figures (name to value), shown in a table above the charts
     * @param model the shipped model's feature importance and hold-out predictions, shown below the tuning charts
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, TuningResult result, Map<String, String> summary, ModelReport model)
            throws IOException {
        Files.writeString(file, render(result, summary, model), StandardCharsets.UTF_8);
    }

    /**
     * @param result the tuning result
     * @param summary headline figures
     * @param model the model's sections: feature importance, residuals or ROC curve and confusion matrix
     * @return the page, well-formed XHTML
     */
    public static String render(TuningResult result, Map<String, String> summary, ModelReport model) {
        String page = render(result, summary);
        int end = page.lastIndexOf("</body>");
        return page.substring(0, end) + ModelSections.render(model) + page.substring(end);
    }

    /**
     * @param result the tuning result
     * @param summary headline figures
     * @return the page, well-formed XHTML (an XML parser reads it)
     */
    public static String render(TuningResult result, Map<String, String> summary) {
        List<Trial> trials = result.trials();
        double[] sorted = trials.stream().mapToDouble(Trial::cvScore).sorted().toArray();
        // Clip the y axis at the 95th percentile of the worst side: a few very bad trials would flatten the rest.
        int clip = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95));
        boolean lowerIsBetter = result.direction() == Direction.LOWER_IS_BETTER;
        double yMin = lowerIsBetter ? sorted[0] : sorted[sorted.length - 1 - clip];
        double yMax = lowerIsBetter ? sorted[clip] : sorted[sorted.length - 1];
        double pad = Math.max(1e-4, (yMax - yMin) * 0.05);
        yMin -= pad;
        yMax += pad;

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/><title>drydock tuning report</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.charts{display:flex;flex-wrap:wrap;gap:16px}")
                .append(".confusion td{text-align:right;min-width:3em}")
                .append("</style></head><body><h1>drydock tuning report</h1><table>");
        summary.forEach((k, v) -> html.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                .append(Html.escape(v)).append("</td></tr>"));
        html.append("<tr><th>best parameters</th><td>").append(Html.escape(result.best().params().toString()))
                .append("</td></tr></table><h2 id=\"search\">Search</h2><div class=\"charts\">");
        String metric = "CV " + result.metric().toUpperCase(Locale.ROOT);
        html.append(overTime(trials, metric, result.direction(), yMin, yMax));
        html.append("</div><h2>").append(Html.escape(metric)).append(" against each parameter</h2><p>One dot per trial; colour = halving rung"
                + " (grey: first, lowest budget); hover for details.</p><div class=\"charts\">");
        for (XGBoostParameter p : XGBoostParameter.values()) {
            TreeSet<Double> distinct = new TreeSet<>();
            trials.forEach(t -> {
                Double v = t.params().values().get(p);
                if (v != null) {
                    distinct.add(v);
                }
            });
            if (distinct.size() > 1 && distinct.size() <= 20) {
                html.append(against(p, new ArrayList<>(distinct), trials, metric, yMin, yMax));
            }
        }
        return html.append("</div></body></html>\n").toString();
    }

    private static String overTime(List<Trial> trials, String metric, Direction direction, double yMin, double yMax) {
        List<Trial> byTime = new ArrayList<>(trials);
        byTime.sort(Comparator.comparingDouble(Trial::elapsedSeconds));
        double tMax = byTime.get(byTime.size() - 1).elapsedSeconds();
        SvgChart chart = new SvgChart("best " + metric + " over time", "seconds since tuning began", metric, 0, tMax,
                yMin, yMax);
        double[] xs = new double[byTime.size()];
        double[] ys = new double[byTime.size()];
        double best = Double.NaN;
        for (int i = 0; i < byTime.size(); i++) {
            Trial t = byTime.get(i);
            chart.dot(t.elapsedSeconds(), t.cvScore(), RUNG_COLORS[t.rung() % RUNG_COLORS.length], 2, tooltip(t, metric));
            if (direction.isBetter(t.cvScore(), best)) {
                best = t.cvScore();
            }
            xs[i] = t.elapsedSeconds();
            ys[i] = best;
        }
        chart.polyline(xs, ys, "#c62828");
        for (int i = 0; i <= 4; i++) {
            chart.xTick(tMax * i / 4, String.format(Locale.ROOT, "%.0f", tMax * i / 4));
        }
        return chart.render();
    }

    private static String against(XGBoostParameter p, List<Double> values, List<Trial> trials, String metric,
            double yMin, double yMax) {
        // Values sit at evenly spaced positions: grids are categorical in spirit (0.5, 1, 1.5, 2, 5).
        SvgChart chart = new SvgChart(p.hyperparameter(), p.hyperparameter(), metric, -0.5, values.size() - 0.5,
                yMin, yMax);
        for (int i = 0; i < values.size(); i++) {
            chart.xTick(i, XGBoostParameter.format(values.get(i)));
        }
        for (Trial t : trials) {
            Double v = t.params().values().get(p);
            if (v == null) {
                continue;
            }
            int position = values.indexOf(v);
            double jitter = ((t.number() * 2654435761L) % 1000) / 1000.0 * 0.5 - 0.25;
            chart.dot(position + jitter, t.cvScore(), RUNG_COLORS[t.rung() % RUNG_COLORS.length], 2.5, tooltip(t, metric));
        }
        return chart.render();
    }

    private static String tooltip(Trial t, String metric) {
        return String.format(Locale.ROOT, "trial %d: %s=%.5f rung=%d %s", t.number(), metric, t.cvScore(), t.rung(),
                t.params());
    }
}
