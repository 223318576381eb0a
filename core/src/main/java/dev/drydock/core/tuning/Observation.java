package dev.drydock.core.tuning;

import java.util.Map;

/**
 * A result the tuner learns from: a trial's hyperparameters and its objective as a loss (smaller is better).
 *
 * @param hyperparameters the tuned hyperparameters
 * @param loss            the objective, negated when it is maximised
 */
record Observation(Map<String, String> hyperparameters, double loss) {
}
