/**
 * The SageMaker training container contract in Java, usable by any Java trainer: {@link
 * dev.drydock.trainer.contract.TrainingEnvironment} reads the {@code /opt/ml} tree (hyperparameters, channels,
 * resource config) and {@link dev.drydock.trainer.contract.ContainerRunner} runs a training program on the
 * {@code train} argument with the failure file, the exit code and SIGTERM handled as the platform expects.
 */
package dev.drydock.trainer.contract;
