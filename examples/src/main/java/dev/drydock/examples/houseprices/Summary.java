package dev.drydock.examples.houseprices;

import java.util.Locale;
import java.util.OptionalDouble;

/** The few lines printed at the end of the house-prices job. */
public final class Summary {
    private Summary() {
    }

    /** The summary of {@code result}. */
    public static String of(HousePricesResult result) {
        StringBuilder s = new StringBuilder();
        s.append("Summary\n");
        s.append("  job              ").append(result.model().description().name()).append('\n');
        if (result.model().description().state() == dev.drydock.core.model.JobState.STOPPED) {
            s.append("  state            Stopped (").append(result.model().description().secondaryStatus().wireName())
                    .append("): the model is the best the trainer had when it was stopped\n");
        }
        s.append("  CV RMSLE         ").append(format(result.cvRmsle())).append('\n');
        s.append("  hold-out RMSLE   ").append(format(result.holdoutRmsle())).append('\n');
        s.append("  best parameters  ").append(result.bestParams().isEmpty() ? "(not reported)" : result.bestParams()).append('\n');
        s.append("  model            ").append(result.model().modelDirectory()).append('\n');
        s.append("  report           ").append(result.report() == null ? "(none)" : result.report()).append('\n');
        s.append("  submission       ").append(result.submission()).append(" (").append(result.predictions()).append(" houses)");
        return s.toString();
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "(not reported)";
    }
}
