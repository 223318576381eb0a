package dev.drydock.contract;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link TrainingProgram} as the container contract expects: the three config files are read and checked
 * first; exit code 0 on success; on any error the
 * reason goes to the failure file, the stack trace to the log (stderr), and the exit code is 1; on SIGTERM the
 * program is told through its {@link StopSignal} and the JVM waits for it, up to a grace period below the
 * platform's {@link #PLATFORM_GRACE}, so that it saves what it has before SIGKILL.
 *
 * <pre>
 * public static void main(String[] args) {
 *     System.exit(ContainerRunner.main(args, new MyTrainer()));
 * }
 * </pre>
 */
public final class ContainerRunner {
    /** Exit code of a completed job. */
    public static final int EXIT_OK = 0;
    /** Exit code of a failed job. */
    public static final int EXIT_FAILED = 1;
    /** Exit code of a container started with arguments other than {@code train}. */
    public static final int EXIT_USAGE = 2;
    /** The argument SageMaker starts a training container with: {@code IMAGE train}. */
    public static final String TRAIN = "train";
    /** How long the platform waits after SIGTERM before it sends SIGKILL. */
    public static final Duration PLATFORM_GRACE = Duration.ofSeconds(120);
    /** How long SIGTERM waits for the program: below {@link #PLATFORM_GRACE} so that the JVM still exits itself. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(100);

    private ContainerRunner() {
    }

    /**
     * The entrypoint of a training image: checks that the container was started as {@code IMAGE train}, then runs
     * the program in {@link TrainingEnvironment#fromSystem()} with the {@link #DEFAULT_GRACE}.
     *
     * @param args the program's arguments
     * @param program the program
     * @return the exit code to pass to {@link System#exit}
     */
    public static int main(String[] args, TrainingProgram program) {
        if (args.length != 1 || !args[0].equals(TRAIN)) {
            System.err.println("usage: IMAGE train (SageMaker starts a training container with the single argument"
                    + " \"train\"); got " + Arrays.toString(args));
            return EXIT_USAGE;
        }
        return run(TrainingEnvironment.fromSystem(), program, DEFAULT_GRACE);
    }

    private static boolean exiting(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Shutdown") || (frame.getClassName().equals("java.lang.Runtime")
                    && (frame.getMethodName().equals("exit") || frame.getMethodName().equals("halt")))) {
                return true;
            }
        }
        return false;
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
        if (grace.isNegative() || grace.compareTo(PLATFORM_GRACE) >= 0) {
            throw new IllegalArgumentException("grace " + grace + " must be between 0 and " + PLATFORM_GRACE
                    + " (the platform's SIGKILL comes then)");
        }
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread programThread = Thread.currentThread();
        Thread hook = new Thread(() -> {
            if (exiting(programThread)) {
                // The program called System.exit itself: it will not return, so waiting would only hang the JVM.
                return;
            }
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
            // Every config file is read and checked before the program starts, as SageMaker's toolkit does: a
            // malformed file fails the job at once, with the file and the field in the failure reason.
            environment.hyperparameters();
            environment.inputDataConfig();
            environment.resourceConfig();
            program.train(environment, stop);
            return EXIT_OK;
        } catch (Throwable error) {
            String reason = FailureFile.reasonOf(error);
            PrintStream log = System.err;
            // The detail (the stack trace) goes to the log only: the failure file holds the reason a user reads.
            log.println("training failed: " + reason);
            error.printStackTrace(log);
            FailureFile.write(environment.failureFile(), reason);
            return EXIT_FAILED;
        } finally {
            System.out.flush();
            System.err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // SIGTERM arrived: the hook is running and returns now that the program has finished.
            }
        }
    }
}
