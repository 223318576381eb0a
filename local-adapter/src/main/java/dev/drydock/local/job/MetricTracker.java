package dev.drydock.local.job;

import dev.drydock.core.model.MetricDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a job's metric definitions to its log lines and keeps the last value of each, as SageMaker's
 * FinalMetricDataList does. Thread-safe.
 */
public final class MetricTracker {
    private final List<MetricDefinition> definitions;
    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, Double> latest = new LinkedHashMap<>();
    private volatile boolean changed;

    /** A tracker for {@code definitions}; the regexes are compiled once. */
    public MetricTracker(List<MetricDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        this.definitions.forEach(d -> patterns.add(Pattern.compile(d.regex())));
    }

    /** Reads every metric that {@code line} holds. */
    public void accept(String line) {
        for (int i = 0; i < patterns.size(); i++) {
            Matcher m = patterns.get(i).matcher(line);
            if (m.find() && m.group(1) != null) {
                try {
                    double value = Double.parseDouble(m.group(1).trim());
                    synchronized (latest) {
                        latest.put(definitions.get(i).name(), value);
                    }
                    changed = true;
                } catch (NumberFormatException e) {
                    // Not a number: SageMaker skips such matches too.
                }
            }
        }
    }

    /** The last value of each metric seen so far. */
    public Map<String, Double> values() {
        synchronized (latest) {
            return new LinkedHashMap<>(latest);
        }
    }

    /** Whether a value arrived since the last call. */
    public boolean takeChanged() {
        boolean c = changed;
        changed = false;
        return c;
    }
}
