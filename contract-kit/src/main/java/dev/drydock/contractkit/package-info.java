/**
 * A JUnit 5 kit that checks a training image or command against SageMaker's container contract: extend
 * {@link dev.drydock.contractkit.ContainerContractKit} and describe the program with
 * {@link dev.drydock.contractkit.TrainerUnderTest}; {@link dev.drydock.contractkit.ContractChecks} holds the checks.
 */
package dev.drydock.contractkit;
