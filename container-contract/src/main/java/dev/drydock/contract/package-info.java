/**
 * SageMaker's training container contract in Java, for any Java training program, as the SageMaker training
 * toolkit is for Python ones. JDK only.
 *
 * <ul>
 *   <li>{@link dev.drydock.contract.OptMl}: the {@code /opt/ml} layout;</li>
 *   <li>{@link dev.drydock.contract.Hyperparameters}, {@link dev.drydock.contract.InputDataConfig},
 *       {@link dev.drydock.contract.ResourceConfig}: the three config files, each read and written (a platform,
 *       such as drydock's local backends, writes them; a program reads them);</li>
 *   <li>{@link dev.drydock.contract.FailureFile}, {@link dev.drydock.contract.MetricLine},
 *       {@link dev.drydock.contract.ProgressLine}: what a program reports, and the regexes that find it;</li>
 *   <li>{@link dev.drydock.contract.TrainingEnvironment}, {@link dev.drydock.contract.ContainerRunner}: a program's
 *       entrypoint, with the {@code train} argument, the exit code, the failure file and SIGTERM handled.</li>
 * </ul>
 */
package dev.drydock.contract;
