package dev.drydock.core.tuning;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report of a tuning job, on any backend: one self-contained page (HTML that is also well-formed XML, charts as
 * inline SVG, no script) with four sections, each a {@code <section>} with an id:
 * <ul>
 *   <li>{@code summary}: status, strategy, objective, counts, the best trial and its hyperparameters;</li>
 *   <li>{@code objective-over-time}: each trial's objective against the time it ended, with the best so far;</li>
 *   <li>{@code parameters}: for each tuned hyperparameter, the objective of every trial against its value;</li>
 *   <li>{@code trials}: a table of every trial.</li>
 * </ul>
 * Every chart has one mark per trial ({@code data-trial} is its name): a filled dot, a ring with class
 * {@code early-stopped} for a trial the tuner stopped early, or a cross on the x axis with class {@code no-objective}
 * for one that reported no objective (it failed, or has not yet). The best trial's dot also has class {@code best}.
 */
public final class TuningReport {
    private static final String COMPLETED = "#1e88e5";
    private static final String BEST = "#43a047";
    private static final String EARLY_STOPPED = "#e53935";

    private TuningReport() {
    }

    /** The page for {@code job}, as it is now (a job still running gives a page of its trials so far). */
    public static String render(TuningJobDescription job) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(Html.escape("tuning job " + job.name())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:16px}.legend span{margin-right:1.5em}")
                .append("</style></head><body><h1>").append(Html.escape("Tuning job " + job.name())).append("</h1>");
        summary(html, job);
        html.append(legend());
        overTime(html, job);
        parameters(html, job);
        trialTable(html, job);
        return html.append("</body></html>\n").toString();
    }

    /**
     * Writes the page for {@code job} to {@code file}, whole or not at all (a temporary file renamed over it), creating
     * its folder.
     *
     * @return {@code file}
     * @throws DrydockException when it cannot be written, naming the file
     */
    public static Path write(TuningJobDescription job, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".tuning-report", ".tmp");
            try {
                Files.writeString(temporary, render(job), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INTERNAL, "could not write the tuning report " + target + ": " + e
                    + " (check that the folder is writable and the disk not full)", e);
        }
    }

    private static void summary(StringBuilder html, TuningJobDescription job) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("status", job.status().wireName() + (job.endReason() == null ? "" : " (" + job.endReason() + ")"));
        rows.put("strategy", job.strategy() == null ? "-" : job.strategy().wireName());
        rows.put("objective", job.objective().metricName() + ", " + job.objective().type().wireName());
        rows.put("trials", job.trials().size() + " of at most " + job.maxTrials() + ", " + job.earlyStoppedCount()
                + " stopped early, " + job.trials().stream().filter(t -> t.objective() == null).count() + " without objective");
        Optional<TrialSummary> best = job.bestTrial();
        rows.put("best trial", best.map(t -> t.name().value()).orElse("none yet"));
        best.ifPresent(t -> {
            rows.put("best objective", number(t.objective()));
            rows.put("best hyperparameters", t.tunedHyperparameters().toString());
        });
        rows.put("started", job.created().toString());
        if (job.ended() != null) {
            rows.put("ended", job.ended() + " (" + seconds(Duration.between(job.created(), job.ended())) + " s)");
        }
        job.failureReasonIfAny().ifPresent(reason -> rows.put("failure reason", reason));
        html.append("<section id=\"summary\"><h2>Summary</h2><table>");
        rows.forEach((k, v) -> html.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>"));
        html.append("</table></section>");
    }

    private static String legend() {
        return "<p class=\"legend\"><span style=\"color:" + COMPLETED + "\">&#9679; trial</span><span style=\"color:"
                + BEST + "\">&#9679; best trial</span><span style=\"color:" + EARLY_STOPPED
                + "\">&#9675; stopped early (its last objective)</span><span style=\"color:#757575\">&#10005; no objective"
                + " (failed, or not yet)</span></p>";
    }

    private static void overTime(StringBuilder html, TuningJobDescription job) {
        html.append("<section id=\"objective-over-time\"><h2>Objective per trial over time</h2>");
        List<TrialSummary> trials = new ArrayList<>(job.trials());
        if (trials.isEmpty()) {
            html.append("<p>No trial yet.</p></section>");
            return;
        }
        trials.sort(Comparator.comparing(t -> at(t)));
        List<Double> times = trials.stream().map(t -> secondsSince(job, at(t))).toList();
        SvgChart chart = new SvgChart(job.objective().metricName() + " by the time each trial ended",
                Axis.numericLinear("seconds since the tuning job started", withZero(times)), objectiveAxis(job));
        List<double[]> bestSoFar = new ArrayList<>();
        Double best = null;
        for (int i = 0; i < trials.size(); i++) {
            TrialSummary t = trials.get(i);
            plot(chart, job, t, times.get(i));
            if (hasObjective(t) && (best == null || job.objective().type().isBetter(t.objective(), best))) {
                best = t.objective();
                bestSoFar.add(new double[] {times.get(i), best});
            }
        }
        chart.steps(bestSoFar, "best-so-far");
        html.append("<p>One mark per trial; the green line is the best objective so far.</p><div class=\"charts\">")
                .append(chart.toSvg()).append("</div></section>");
    }

    private static void parameters(StringBuilder html, TuningJobDescription job) {
        html.append("<section id=\"parameters\"><h2>Each parameter against the objective</h2><div class=\"charts\">");
        TreeSet<String> names = new TreeSet<>();
        job.trials().forEach(t -> names.addAll(t.tunedHyperparameters().keySet()));
        for (String name : names) {
            List<TrialSummary> trials = job.trials().stream().filter(t -> t.tunedHyperparameters().containsKey(name)).toList();
            List<String> raw = trials.stream().map(t -> t.tunedHyperparameters().get(name)).toList();
            List<Double> numbers = raw.stream().map(TuningReport::parse).toList();
            boolean numeric = numbers.stream().allMatch(n -> n != null);
            List<String> categories = numeric ? List.of() : new ArrayList<>(new TreeSet<>(raw));
            Axis x = numeric ? Axis.numeric(name, numbers) : Axis.categorical(name, categories);
            SvgChart chart = new SvgChart(job.objective().metricName() + " against " + name, x, objectiveAxis(job));
            for (int i = 0; i < trials.size(); i++) {
                plot(chart, job, trials.get(i), numeric ? numbers.get(i) : categories.indexOf(raw.get(i)));
            }
            html.append(chart.toSvg());
        }
        html.append("</div></section>");
    }

    private static void trialTable(StringBuilder html, TuningJobDescription job) {
        html.append("<section id=\"trials\"><h2>Trials</h2><table><tr><th>#</th><th>training job</th><th>state</th><th>")
                .append(Html.escape(job.objective().metricName()))
                .append("</th><th>stopped early</th><th>seconds</th><th>hyperparameters</th><th>failure reason</th></tr>");
        for (TrialSummary t : job.trials()) {
            html.append("<tr class=\"trial\"><td>").append(t.number()).append("</td><td>").append(Html.escape(t.name().value()))
                    .append("</td><td>").append(Html.escape(t.state().wireName())).append("</td><td>")
                    .append(t.objective() == null ? "-" : number(t.objective())).append("</td><td>")
                    .append(t.earlyStopped() ? "yes" : "").append("</td><td>")
                    .append(t.ended() == null ? "" : seconds(Duration.between(t.created(), t.ended()))).append("</td><td>")
                    .append(Html.escape(t.tunedHyperparameters().toString())).append("</td><td>")
                    .append(Html.escape(t.failureReason() == null ? "" : t.failureReason())).append("</td></tr>");
        }
        html.append("</table></section>");
    }

    private static void plot(SvgChart chart, TuningJobDescription job, TrialSummary t, double x) {
        String tip = t.name() + ": " + (hasObjective(t) ? job.objective().metricName() + " " + number(t.objective()) : "no objective")
                + (t.earlyStopped() ? ", stopped early" : "") + ", " + t.state().wireName() + ", " + t.tunedHyperparameters();
        if (!hasObjective(t)) {
            chart.cross(x, new SvgChart.Mark(t.name().value(), "trial no-objective", tip));
            return;
        }
        boolean best = job.bestTrial().map(b -> b.name().equals(t.name())).orElse(false);
        String cssClass = "trial" + (t.earlyStopped() ? " early-stopped" : "") + (best ? " best" : "");
        String colour = t.earlyStopped() ? EARLY_STOPPED : best ? BEST : COMPLETED;
        chart.point(x, t.objective(), new SvgChart.Mark(t.name().value(), cssClass, tip), colour, t.earlyStopped());
    }

    private static Axis objectiveAxis(TuningJobDescription job) {
        List<Double> values = job.trials().stream().filter(TuningReport::hasObjective).map(TrialSummary::objective).toList();
        return Axis.numericLinear(job.objective().metricName(), values.isEmpty() ? List.of(0.0, 1.0) : values);
    }

    private static boolean hasObjective(TrialSummary t) {
        return t.objective() != null && Double.isFinite(t.objective());
    }

    /** When a trial is placed in time: when it ended, or when it started while it runs. */
    private static Instant at(TrialSummary t) {
        return t.ended() != null ? t.ended() : t.created();
    }

    private static double secondsSince(TuningJobDescription job, Instant at) {
        return Duration.between(job.created(), at).toMillis() / 1000.0;
    }

    private static List<Double> withZero(List<Double> values) {
        List<Double> all = new ArrayList<>(values);
        all.add(0.0);
        return all;
    }

    private static Double parse(String value) {
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
