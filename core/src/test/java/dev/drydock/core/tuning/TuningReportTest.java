package dev.drydock.core.tuning;

import dev.drydock.core.model.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TuningReportTest {
    private static final Instant START = Instant.parse("2026-12-03T06:00:00Z");
    private static final TuningJobName NAME = TuningJobName.of("house-tune");

    /** Four trials: two completed, one stopped early, one failed without an objective; a numeric and a categorical parameter. */
    private static TuningJobDescription job() {
        List<TrialSummary> trials = List.of(
                trial(1, "0.1", "gbtree", JobState.COMPLETED, 0.140, false, 10),
                trial(2, "0.03", "dart", JobState.COMPLETED, 0.125, false, 25),
                trial(3, "0.3", "gbtree", JobState.STOPPED, 0.190, true, 18),
                trial(4, "0.01", "dart", JobState.FAILED, null, false, 30));
        return new TuningJobDescription(NAME, null, TuningJobStatus.COMPLETED, TuningStrategy.BAYESIAN,
                Objective.minimize("cv_rmsle"), 4, trials, START, START.plusSeconds(31), "MaxNumberOfTrainingJobsReached", null);
    }

    private static TrialSummary trial(int number, String learningRate, String booster, JobState state, Double objective,
                                      boolean earlyStopped, int endSecond) {
        return new TrialSummary(NAME.trialName(number, learningRate + booster), Map.of("learning_rate", learningRate, "booster", booster),
                state, objective, objective == null ? List.of() : List.of(objective), earlyStopped, START.plusSeconds(number),
                START.plusSeconds(endSecond), objective == null ? "AlgorithmError: out of memory" : null);
    }

    @Test
    void render_whenJobHasTrials_isXmlWithTheFourSections() throws Exception {
        Document page = parse(TuningReport.render(job()));

        List<String> ids = new ArrayList<>();
        NodeList sections = page.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        assertThat(ids).containsExactly("summary", "objective-over-time", "parameters", "trials");
        assertThat(section(page, "summary").getTextContent()).contains("house-tune-002-").contains("0.125000")
                .contains("MaxNumberOfTrainingJobsReached").contains("1 stopped early");
        assertThat(section(page, "trials").getElementsByTagName("tr").getLength()).isEqualTo(1 + 4);
    }

    @Test
    void render_eachChart_hasOnePointPerTrialAndMarksTheEarlyStoppedOne() throws Exception {
        TuningJobDescription job = job();
        Document page = parse(TuningReport.render(job));
        List<Element> charts = new ArrayList<>(svgs(section(page, "objective-over-time")));
        charts.addAll(svgs(section(page, "parameters")));
        assertThat(charts).hasSize(1 + 2);   // over time, learning_rate, booster

        List<String> trialNames = job.trials().stream().map(t -> t.name().value()).toList();
        String earlyStopped = trialNames.get(2);
        for (Element chart : charts) {
            List<Element> marks = marks(chart);
            assertThat(marks).extracting(m -> m.getAttribute("data-trial")).containsExactlyInAnyOrderElementsOf(trialNames);
            assertThat(marks).filteredOn(m -> classes(m).contains("early-stopped"))
                    .extracting(m -> m.getAttribute("data-trial")).containsExactly(earlyStopped);
            assertThat(marks).filteredOn(m -> classes(m).contains("no-objective"))
                    .extracting(m -> m.getAttribute("data-trial")).containsExactly(trialNames.get(3));
            assertThat(marks).filteredOn(m -> classes(m).contains("best"))
                    .extracting(m -> m.getAttribute("data-trial")).containsExactly(trialNames.get(1));
        }
    }

    @Test
    void render_overTime_placesALargerObjectiveHigherAndALaterTrialFurtherRight() throws Exception {
        Document page = parse(TuningReport.render(job()));
        Map<String, Element> dots = marks(svgs(section(page, "objective-over-time")).get(0)).stream()
                .filter(m -> m.getTagName().equals("circle"))
                .collect(Collectors.toMap(m -> m.getAttribute("data-trial").substring(11, 14), m -> m));

        // SVG's y grows downwards: trial 3 (0.190, ended at 18 s) is above trial 1 (0.140, 10 s), above trial 2 (0.125, 25 s).
        assertThat(y(dots.get("003"))).isLessThan(y(dots.get("001")));
        assertThat(y(dots.get("001"))).isLessThan(y(dots.get("002")));
        assertThat(x(dots.get("001"))).isLessThan(x(dots.get("003")));
        assertThat(x(dots.get("003"))).isLessThan(x(dots.get("002")));
        assertThat(section(page, "objective-over-time").getElementsByTagName("path").getLength()).isEqualTo(2); // best-so-far and the failed trial's cross
    }

    @Test
    void render_whenNoTrialYet_saysSoAndIsStillXml() throws Exception {
        TuningJobDescription empty = new TuningJobDescription(NAME, null, TuningJobStatus.IN_PROGRESS, TuningStrategy.RANDOM,
                Objective.maximize("auc"), 10, List.of(), START, null, null, null);

        Document page = parse(TuningReport.render(empty));

        assertThat(section(page, "objective-over-time").getTextContent()).contains("No trial yet");
        assertThat(section(page, "summary").getTextContent()).contains("none yet");
    }

    @Test
    void render_escapesHyperparameterValues() throws Exception {
        TrialSummary odd = new TrialSummary(NAME.trialName(1, "x"), Map.of("formula", "a<b & \"c\""), JobState.COMPLETED, 1.0,
                List.of(), false, START, START.plusSeconds(2), null);
        TuningJobDescription job = new TuningJobDescription(NAME, null, TuningJobStatus.COMPLETED, TuningStrategy.GRID,
                Objective.minimize("loss"), 1, List.of(odd), START, START.plusSeconds(3), null, null);

        Document page = parse(TuningReport.render(job));

        assertThat(section(page, "trials").getTextContent()).contains("a<b & \"c\"");
    }

    @Test
    void write_createsTheFolderAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("house-tune/output/tuning-report.html");

        Path written = TuningReport.write(job(), file);

        assertThat(written).isEqualTo(file.toAbsolutePath());
        parse(Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element section(Document page, String id) {
        NodeList sections = page.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            if (((Element) sections.item(i)).getAttribute("id").equals(id)) {
                return (Element) sections.item(i);
            }
        }
        throw new AssertionError("no section " + id);
    }

    private static List<Element> svgs(Element section) {
        List<Element> out = new ArrayList<>();
        NodeList svgs = section.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            out.add((Element) svgs.item(i));
        }
        return out;
    }

    private static List<Element> marks(Element svg) {
        List<Element> out = new ArrayList<>();
        for (Node n = svg.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.hasAttribute("data-trial")) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> classes(Element e) {
        return List.of(e.getAttribute("class").split(" "));
    }

    private static double x(Element circle) {
        return Double.parseDouble(circle.getAttribute("cx"));
    }

    private static double y(Element circle) {
        return Double.parseDouble(circle.getAttribute("cy"));
    }
}
