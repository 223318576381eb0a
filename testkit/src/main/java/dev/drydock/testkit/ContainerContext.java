package dev.drydock.testkit;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.OptMl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a training container sees: its {@code /opt/ml} tree (a real folder), its environment
 * ({@code TRAINING_JOB_NAME}, ...), where its output lines go, and whether it has been killed.
 *
 * <p>In-process "containers" ({@link FakeTrainingBackend}) receive SIGTERM as a thread interrupt and SIGKILL as
 * {@link #killed()} turning true, since a thread cannot be killed; a real process gets real signals.
 *
 * @param mlRoot      the folder that stands for {@code /opt/ml}
 * @param environment the container's environment variables
 * @param output      receives each line the container writes to stdout or stderr
 * @param killed      true once the container has been killed (the grace period after SIGTERM ran out)
 */
public record ContainerContext(Path mlRoot, Map<String, String> environment, Consumer<String> output,
                               BooleanSupplier killed) {
    /** Validates the fields and copies the environment. */
    public ContainerContext {
        Objects.requireNonNull(mlRoot, "mlRoot");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(output, "output");
        killed = killed == null ? () -> false : killed;
    }

    /** Writes one line to the container's log. */
    public void println(String line) {
        output.accept(line);
    }

    /** Whether the container has been killed and must end now. */
    public boolean isKilled() {
        return killed.getAsBoolean();
    }

    /** @return the {@code /opt/ml} layout rooted at {@code mlRoot} */
    public OptMl layout() {
        return OptMl.at(mlRoot);
    }

    /** @return the hyperparameters the platform wrote, or none when it wrote no file */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.readIfPresent(layout().hyperparametersFile());
    }

    /** {@code mlRoot} resolved with a path inside {@code /opt/ml}, such as {@code input/config/hyperparameters.json}. */
    public Path path(String relative) {
        return mlRoot.resolve(relative);
    }
}
