package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.JobListener;
import dev.drydock.core.model.JobDescription;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Ctrl-C (SIGINT) or SIGTERM does to {@code drydock train}: the job it submitted is stopped as SageMaker stops a
 * job (SIGTERM, then SIGKILL after the grace period) so that the trainer's "save what exists" counts, the command waits
 * for the job to end, and says what became of it. Without this the JVM would exit at once and take its child trainer
 * with it, throwing the work away.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** The longest the command waits for the job after asking it to stop: the backend's grace period and some. */
    static final Duration WAIT_FOR_STOP = Duration.ofMinutes(3);

    private final Drydock drydock;
    private final PrintStream out;
    private final AtomicReference<String> job = new AtomicReference<>();
    private final Thread hook = new Thread(this::stopJob, "drydock-stop-on-interrupt");

    private StopOnInterrupt(Drydock drydock, PrintStream out) {
        this.drydock = drydock;
        this.out = out;
    }

    /** Watches for the end of this JVM while a job runs; closing it stops watching. */
    static StopOnInterrupt install(Drydock drydock, PrintStream out) {
        StopOnInterrupt s = new StopOnInterrupt(drydock, out);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Hears the submitted job's name. */
    JobListener listener() {
        return new JobListener() {
            @Override
            public void onSubmitted(JobDescription description) {
                job.set(description.name().value());
            }
        };
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run, which is what should happen then
        }
    }

    private void stopJob() {
        String name = job.get();
        if (name == null) {
            out.println();
            out.println("drydock: interrupted before a job was submitted; nothing runs");
            return;
        }
        try {
            if (!drydock.stop(name)) {
                return;
            }
            out.println();
            out.println("drydock: interrupted: stopping " + name + " (SIGTERM; the trainer saves its best model so far)");
            out.flush();
            Instant deadline = Instant.now().plus(WAIT_FOR_STOP);
            JobDescription d = drydock.describe(name);
            while (!d.state().isTerminal() && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                d = drydock.describe(name);
            }
            if (d.state().isTerminal()) {
                out.println("drydock: " + name + " ended " + d.state().wireName()
                        + d.modelArtifactIfAny().map(m -> "; its model: " + m).orElse("; it saved no model")
                        + " (drydock describe " + name + ")");
            } else {
                out.println("drydock: " + name + " is still stopping after " + WAIT_FOR_STOP.toMinutes() + " min;"
                        + " drydock describe " + name + " shows when it has ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("drydock: could not stop " + name + ": " + e.getMessage() + "; run drydock stop " + name);
        }
        out.flush();
    }
}
