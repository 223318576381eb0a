package dev.drydock.testkit;

/**
 * The code a {@link FakeTrainingBackend} runs as a job's container, once per host, on a background thread.
 * {@link ScriptedContainer#run} is the default.
 */
@FunctionalInterface
public interface ContainerProgram {

    /**
     * Runs the container against its {@code /opt/ml} tree and returns its exit code. A thread interrupt is SIGTERM;
     * {@link ContainerContext#isKilled()} turning true is SIGKILL. A thrown exception counts as a crash.
     */
    int run(ContainerContext context) throws Exception;
}
