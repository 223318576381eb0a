/**
 * Tuning across training jobs, with the meaning of SageMaker Automatic Model Tuning
 * ({@code CreateHyperParameterTuningJob}): a {@link dev.drydock.core.tuning.TuningJobSpec} validated against SageMaker's
 * limits, the {@link dev.drydock.core.tuning.TuningBackend} port that runs it, and the
 * {@link dev.drydock.core.tuning.TuningJobDescription} it answers with. {@link dev.drydock.core.tuning.LocalTuningBackend}
 * runs a tuning job over any {@link dev.drydock.core.port.TrainingBackend}, so that the same tuning job runs on a
 * laptop and on SageMaker.
 */
package dev.drydock.core.tuning;
