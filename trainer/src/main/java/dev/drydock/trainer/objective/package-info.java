/**
 * What the trainer learns and how it is scored: the XGBoost {@link dev.drydock.trainer.objective.Objective}, the
 * {@link dev.drydock.trainer.objective.EvalMetric} that ranks trials, stops early and is reported, and the
 * {@link dev.drydock.trainer.objective.Task} that joins them with the target's encoding (log target, class levels)
 * and is saved with the model.
 */
package dev.drydock.trainer.objective;
