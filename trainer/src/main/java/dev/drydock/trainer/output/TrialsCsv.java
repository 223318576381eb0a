package dev.drydock.trainer.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.drydock.trainer.tuning.Trial;
import dev.drydock.trainer.tuning.TuningResult;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the trials as CSV: number, rung, {@code cv_METRIC} (e.g. {@code cv_rmsle}), seconds, elapsed_s, then one
 * column per parameter.
 */
public final class TrialsCsv {
    private TrialsCsv() {
    }

    /**
     * @param file where to write
     * @param result the tuning result: its trials and the metric they were scored by
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, TuningResult result) throws IOException {
        List<Trial> trials = result.trials();
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            List<String> header = new ArrayList<>(List.of("number", "rung", "cv_" + result.metric(), "seconds", "elapsed_s"));
            for (XGBoostParameter p : XGBoostParameter.values()) {
                header.add(p.hyperparameter());
            }
            csv.writeRecord(header);
            for (Trial t : trials) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), Integer.toString(t.rung()),
                        String.format(Locale.ROOT, "%.6f", t.cvScore()), String.format(Locale.ROOT, "%.3f", t.seconds()),
                        String.format(Locale.ROOT, "%.3f", t.elapsedSeconds())));
                for (XGBoostParameter p : XGBoostParameter.values()) {
                    Double v = t.params().values().get(p);
                    row.add(v == null ? "" : XGBoostParameter.format(v));
                }
                csv.writeRecord(row);
            }
        }
    }
}
