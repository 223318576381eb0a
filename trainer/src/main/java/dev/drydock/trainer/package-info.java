/**
 * drydock trainer: the program inside the training image. {@link dev.drydock.trainer.Main} runs
 * {@link dev.drydock.trainer.TabularTrainer} on the {@code train} argument and the predictor on {@code predict};
 * the container contract lives in {@code dev.drydock.contract}.
 */
package dev.drydock.trainer;
