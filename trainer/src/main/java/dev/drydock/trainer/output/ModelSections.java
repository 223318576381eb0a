package dev.drydock.trainer.output;

import dev.drydock.trainer.objective.Objective;
import dev.drydock.trainer.objective.Predictions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's sections about the model: feature importance, residuals, ROC curve, confusion matrix. */
final class ModelSections {
    /** The most features a chart shows: beyond 20 the bars say nothing more. */
    static final int TOP_FEATURES = 20;
    /** The most points a scatter draws: a page of a million circles would not open. */
    private static final int MAX_POINTS = 2000;

    private ModelSections() {
    }

    static String render(ModelReport model) {
        StringBuilder html = new StringBuilder();
        html.append(importance(model.gainImportance()));
        if (model.holdout().isEmpty()) {
            html.append("<h2>Hold-out</h2><p>No hold-out rows: set holdout_fraction above 0 or give a validation"
                    + " channel to see the model's errors here.</p>");
            return html.toString();
        }
        Predictions p = model.holdout().get();
        if (model.task().objective().kind() == Objective.Kind.REGRESSION) {
            html.append(residuals(p));
        } else {
            if (model.task().objective().kind() == Objective.Kind.BINARY) {
                html.append(roc(p, model.task().classes()));
            }
            html.append(confusion(p, model.task().classes()));
        }
        return html.toString();
    }

    private static String importance(Map<String, Double> gain) {
        StringBuilder html = new StringBuilder("<h2 id=\"feature-importance\">Feature importance</h2>");
        if (gain.isEmpty()) {
            return html.append("<p>The model made no split.</p>").toString();
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(gain.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        top = top.subList(0, Math.min(TOP_FEATURES, top.size()));
        html.append("<p>XGBoost's gain: the mean loss reduction of the splits on each feature, in the shipped model;"
                + " the top ").append(top.size()).append(" of ").append(gain.size()).append(" features split on.</p>");
        double max = top.get(0).getValue();
        int rowHeight = 18;
        int labelWidth = 170;
        int width = 560;
        int height = 10 + rowHeight * top.size();
        html.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\"><title>feature importance (gain)</title>", width, height, width,
                height));
        for (int i = 0; i < top.size(); i++) {
            String name = top.get(i).getKey();
            double value = top.get(i).getValue();
            double y = 5 + i * rowHeight;
            double bar = max <= 0 ? 0 : (width - labelWidth - 80) * value / max;
            String shown = name.length() > 26 ? name.substring(0, 25) + "…" : name;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s"
                    + "</text>", labelWidth - 6, y + 12, Html.escape(shown)));
            html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\""
                    + " fill=\"#42a5f5\"><title>%s: gain %.4g</title></rect>", labelWidth, y + 2, bar, rowHeight - 4,
                    Html.escape(name), value));
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%.4g</text>",
                    labelWidth + bar + 4, y + 12, value));
        }
        return html.append("</svg>").toString();
    }

    private static String residuals(Predictions p) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double rMax = 0;
        for (int i = 0; i < p.rows(); i++) {
            xMin = Math.min(xMin, p.predicted()[i]);
            xMax = Math.max(xMax, p.predicted()[i]);
            rMax = Math.max(rMax, Math.abs(p.actual()[i] - p.predicted()[i]));
        }
        rMax = rMax == 0 ? 1 : rMax * 1.05;
        SvgChart chart = new SvgChart("residuals against predictions (hold-out)", "predicted", "actual - predicted",
                xMin, xMax, -rMax, rMax);
        chart.line(xMin, 0, xMax, 0, "#c62828", true);
        int step = Math.max(1, p.rows() / MAX_POINTS);
        for (int i = 0; i < p.rows(); i += step) {
            double residual = p.actual()[i] - p.predicted()[i];
            chart.dot(p.predicted()[i], residual, "#42a5f5", 2.5, String.format(Locale.ROOT,
                    "predicted %.4g, actual %.4g", p.predicted()[i], p.actual()[i]));
        }
        for (int i = 0; i <= 4; i++) {
            double x = xMin + (xMax - xMin) * i / 4;
            chart.xTick(x, String.format(Locale.ROOT, "%.3g", x));
        }
        return "<h2 id=\"residuals\">Residuals</h2><p>Each hold-out row: the error against the prediction. A band around"
                + " zero with no trend is what a good model leaves.</p><div class=\"charts\">" + chart.render() + "</div>";
    }

    private static String roc(Predictions p, List<String> classes) {
        Integer[] order = new Integer[p.rows()];
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            if (p.actual()[i] == 1) {
                positives++;
            } else {
                negatives++;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p.predicted()[b], p.predicted()[a]));
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (p.actual()[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            // One point per distinct threshold: tied scores move the curve diagonally, as AUC counts them.
            if (i == order.length - 1 || p.predicted()[order[i + 1]] != p.predicted()[order[i]]) {
                points.add(new double[] {negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives});
            }
        }
        SvgChart chart = new SvgChart("ROC curve (hold-out), positive class " + classes.get(1), "false positive rate",
                "true positive rate", 0, 1, 0, 1);
        chart.line(0, 0, 1, 1, "#9e9e9e", true);
        double[] xs = points.stream().mapToDouble(q -> q[0]).toArray();
        double[] ys = points.stream().mapToDouble(q -> q[1]).toArray();
        chart.polyline(xs, ys, "#c62828");
        for (int i = 0; i <= 4; i++) {
            chart.xTick(i / 4.0, String.format(Locale.ROOT, "%.2f", i / 4.0));
        }
        double auc = dev.drydock.trainer.objective.EvalMetric.AUC.compute(p);
        return "<h2 id=\"roc-curve\">ROC curve</h2><p>" + String.format(Locale.ROOT, "Hold-out AUC %.4f", auc)
                + ": the share of positive rows found against the share of negative rows taken for positive, at"
                + " every threshold.</p><div class=\"charts\">" + chart.render() + "</div>";
    }

    private static String confusion(Predictions p, List<String> classes) {
        int k = classes.size();
        int[][] counts = new int[k][k];
        int max = 1;
        for (int i = 0; i < p.rows(); i++) {
            int actual = (int) p.actual()[i];
            int predicted = p.predictedClass(i);
            max = Math.max(max, ++counts[actual][predicted]);
        }
        StringBuilder html = new StringBuilder("<h2 id=\"confusion-matrix\">Confusion matrix</h2><p>Hold-out rows by"
                + " true class (rows) and predicted class (columns); the diagonal is right.</p><table"
                + " class=\"confusion\"><tr><th>true \\ predicted</th>");
        for (String c : classes) {
            html.append("<th>").append(Html.escape(c)).append("</th>");
        }
        html.append("</tr>");
        for (int a = 0; a < k; a++) {
            html.append("<tr><th>").append(Html.escape(classes.get(a))).append("</th>");
            for (int b = 0; b < k; b++) {
                double shade = counts[a][b] / (double) max;
                String color = a == b ? String.format(Locale.ROOT, "rgba(102,187,106,%.2f)", 0.15 + 0.6 * shade)
                        : String.format(Locale.ROOT, "rgba(239,83,80,%.2f)", shade * 0.75);
                html.append("<td style=\"background:").append(color).append("\">").append(counts[a][b]).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }
}
