package dev.drydock.trainer.contract;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link TrainingProgram} as the container contract expects: exit code 0 on success; on any error the
 * failure file is written and the exit code is 1; on SIGTERM the program is asked to stop through its
 * {@link StopSignal} and the JVM waits for it (up to the grace period) so that it can save what it has before the
 * platform's SIGKILL, 120 s after SIGTERM.
 */
public final class ContainerRunner {
    /** Exit code of a completed job. */
    public static final int EXIT_OK = 0;
    /** Exit code of a failed job. */
    public static final int EXIT_FAILED = 1;
    /** How long SIGTERM waits for the program: below the platform's 120 s so that the JVM still exits cleanly. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(100);

    private ContainerRunner() {
    }

    /**
     * Runs the program and returns its exit code; does not call {@link System#exit}.
     *
     * @param environment the {@code /opt/ml} tree
     * @param program the program
     * @param grace how long a SIGTERM waits for the program to return
     * @return {@link #EXIT_OK} or {@link #EXIT_FAILED}
     */
    public static int run(TrainingEnvironment environment, TrainingProgram program, Duration grace) {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.request();
            System.out.println("stop requested (SIGTERM): saving what exists");
            System.out.flush();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drydock-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            program.train(environment, stop);
            return EXIT_OK;
        } catch (Throwable error) {
            System.err.println("training failed: " + FailureFile.reasonOf(error));
            error.printStackTrace();
            FailureFile.write(environment.failureFile(), error);
            return EXIT_FAILED;
        } finally {
            System.out.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // SIGTERM arrived: the hook is running and returns now that the program has finished.
            }
        }
    }
}
