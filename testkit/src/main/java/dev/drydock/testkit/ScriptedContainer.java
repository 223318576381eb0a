package dev.drydock.testkit;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.InputDataConfig;
import dev.drydock.contract.OptMl;
import dev.drydock.contract.ResourceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tiny training "program" that honours the SageMaker container contract and does what a
 * {@link ContainerBehaviour} says, so that every backend (in-process fake, child process, Docker, SageMaker) runs
 * the same scenarios for real. It reads and writes {@code /opt/ml} through the container-contract module, as any
 * Java trainer would, and needs nothing but the JDK, this module's classes and that module's jar on the class path
 * ({@link #classPath()}).
 *
 * <p>The behaviour is the hyperparameter {@value #BEHAVIOUR_HYPERPARAMETER} in
 * {@code /opt/ml/input/config/hyperparameters.json}, or else the environment variable {@value #BEHAVIOUR_ENV};
 * {@code succeed} when neither is set. Optional hyperparameters: {@value #SLEEP_SECONDS_HYPERPARAMETER} (how long
 * the sleeping behaviours sleep at most, 600 by default), {@value #EXIT_CODE_HYPERPARAMETER} (the code of
 * {@code exit-non-zero}, {@value #NON_ZERO_EXIT_CODE} by default). As a process, {@code /opt/ml} is the environment
 * variable {@value #ML_ROOT_ENV} or {@code /opt/ml}.
 */
public final class ScriptedContainer {
    /** The hyperparameter that selects the behaviour. */
    public static final String BEHAVIOUR_HYPERPARAMETER = "behaviour";
    /** The environment variable that selects the behaviour when the hyperparameter is absent. */
    public static final String BEHAVIOUR_ENV = "DRYDOCK_BEHAVIOUR";
    /** The environment variable that moves {@code /opt/ml} (for child processes outside a container). */
    public static final String ML_ROOT_ENV = OptMl.ROOT_ENV;
    /** How long the sleeping behaviours sleep at most, in seconds. */
    public static final String SLEEP_SECONDS_HYPERPARAMETER = "sleep_seconds";
    /** The exit code of {@code exit-non-zero}. */
    public static final String EXIT_CODE_HYPERPARAMETER = "exit_code";
    /** The default exit code of {@link ContainerBehaviour#EXIT_NON_ZERO}. */
    public static final int NON_ZERO_EXIT_CODE = 3;
    /** The metric {@link ContainerBehaviour#SUCCEED} logs, with {@link #METRIC_REGEX}. */
    public static final String METRIC_NAME = "train:rmse";
    /** A regex with one capture group that finds the metric in the log lines. */
    public static final String METRIC_REGEX = "train-rmse: ([0-9.]+)";
    /** The last value of the metric. */
    public static final double FINAL_METRIC = 0.25;
    /** The lines {@link ContainerBehaviour#SUCCEED} logs, in order (among others). */
    public static final List<String> SUCCESS_LINES =
            List.of("epoch 1 train-rmse: 0.5", "epoch 2 train-rmse: 0.25", "training done");
    /**
     * The file {@link ContainerBehaviour#SUCCEED} keeps in {@code /opt/ml/checkpoints}, prefixed by the host and a
     * dash: how many runs it has counted there (the count it found, plus one).
     */
    public static final String CHECKPOINT_RUNS_FILE = "runs.txt";
    /** The model file {@link ContainerBehaviour#SUCCEED} writes in {@code /opt/ml/model}. */
    public static final String MODEL_FILE = "model.txt";
    /**
     * The model file the sleeping behaviours write in {@code /opt/ml/model} before they sleep: what a stopped job
     * publishes as its model, as SageMaker publishes what a stopped container saved.
     */
    public static final String PARTIAL_MODEL_FILE = "partial.txt";
    /** The content of {@link #PARTIAL_MODEL_FILE}. */
    public static final String PARTIAL_MODEL_TEXT = "a partial model, saved before the job was stopped\n";
    /** What {@link ContainerBehaviour#FAIL_WITH_REASON} writes to the failure file: 1300 characters. */
    public static final String FAILURE_TEXT = "scripted failure: column SalePrice is missing from channel train; "
            + "0123456789".repeat(124);
    /** The failure reason a backend reports for {@link #FAILURE_TEXT}: its first 1024 characters. */
    public static final String EXPECTED_FAILURE_REASON = FAILURE_TEXT.substring(0, 1024);
    /** The line the sleeping behaviours log once they sleep. */
    public static final String SLEEPING_LINE = "sleeping until stopped";
    /** The line logged on SIGTERM by {@link ContainerBehaviour#SLEEP_UNTIL_STOPPED}. */
    public static final String SIGTERM_LINE = "received SIGTERM, exiting";
    /** The line logged on SIGTERM by {@link ContainerBehaviour#IGNORE_SIGTERM}. */
    public static final String IGNORING_SIGTERM_LINE = "received SIGTERM, ignoring it";

    private static final AtomicBoolean EXITING_NORMALLY = new AtomicBoolean();

    private ScriptedContainer() {
    }

    /**
     * What a process that runs this class needs on its class path: this module's classes and the container-contract
     * module's (each a jar, or a classes folder in the reactor), in that order.
     *
     * @return the two locations
     */
    public static List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        for (Class<?> type : List.of(ScriptedContainer.class, OptMl.class)) {
            try {
                out.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException("the class path entry of " + type.getName() + " is not a file", e);
            }
        }
        return List.copyOf(out);
    }

    /** @return {@link #classPath()} joined with the platform's path separator, for {@code java -cp} */
    public static String classPathArgument() {
        return classPath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** Runs as a process: the /opt/ml tree from {@value #ML_ROOT_ENV}, SIGTERM through a shutdown hook. */
    public static void main(String[] args) {
        Path root = OptMl.fromSystem().root();
        ContainerContext context = new ContainerContext(root, System.getenv(), line -> {
            System.out.println(line);
            System.out.flush();
        }, () -> false);
        ContainerBehaviour behaviour = behaviour(context);
        if (behaviour == ContainerBehaviour.SLEEP_UNTIL_STOPPED || behaviour == ContainerBehaviour.IGNORE_SIGTERM
                || behaviour == ContainerBehaviour.RESUME_FROM_CHECKPOINT) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> onSigterm(context, behaviour)));
        }
        int code = run(context);
        EXITING_NORMALLY.set(true);
        System.exit(code);
    }

    /**
     * Performs the selected behaviour in the calling thread and returns the exit code. In-process, an interrupt
     * stands for SIGTERM and {@link ContainerContext#isKilled()} for SIGKILL.
     */
    public static int run(ContainerContext context) {
        ContainerBehaviour behaviour = behaviour(context);
        Map<String, String> hyperparameters = hyperparameters(context);
        try {
            switch (behaviour) {
                case SUCCEED:
                    return succeed(context, hyperparameters);
                case FAIL_WITH_REASON:
                    context.println("about to fail");
                    // Written raw, not through FailureFile: the backends' own cut to 1024 characters is under test.
                    write(context.layout().failureFile(), FAILURE_TEXT);
                    return 1;
                case EXIT_NON_ZERO:
                    context.println("exiting without a failure file");
                    return Integer.parseInt(hyperparameters.getOrDefault(EXIT_CODE_HYPERPARAMETER, String.valueOf(NON_ZERO_EXIT_CODE)));
                case RESUME_FROM_CHECKPOINT:
                    Path runs = context.layout().checkpointsDir().resolve(currentHost(context) + "-" + CHECKPOINT_RUNS_FILE);
                    if (Files.isRegularFile(runs)) {
                        context.println("resuming from the checkpoint " + runs.getFileName());
                        return succeed(context, hyperparameters);
                    }
                    write(runs, "1\n");
                    return sleep(context, ContainerBehaviour.SLEEP_UNTIL_STOPPED,
                            Long.parseLong(hyperparameters.getOrDefault(SLEEP_SECONDS_HYPERPARAMETER, "600")));
                case SLEEP_UNTIL_STOPPED:
                case IGNORE_SIGTERM:
                    return sleep(context, behaviour, Long.parseLong(hyperparameters.getOrDefault(SLEEP_SECONDS_HYPERPARAMETER, "600")));
            }
            throw new AssertionError(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The behaviour the container's hyperparameters (or environment) select. */
    public static ContainerBehaviour behaviour(ContainerContext context) {
        String name = hyperparameters(context).get(BEHAVIOUR_HYPERPARAMETER);
        if (name == null) {
            name = context.environment().getOrDefault(BEHAVIOUR_ENV, ContainerBehaviour.SUCCEED.wireName());
        }
        return ContainerBehaviour.fromWireName(name);
    }

    private static int succeed(ContainerContext context, Map<String, String> hyperparameters) throws IOException {
        OptMl layout = context.layout();
        ResourceConfig resources = resources(layout);
        String host = resources.currentHost();
        String hosts = String.join(",", resources.hosts());
        StringBuilder model = new StringBuilder();
        model.append("job=").append(context.environment().getOrDefault("TRAINING_JOB_NAME", "")).append('\n');
        model.append("host=").append(host).append('\n').append("hosts=").append(hosts).append('\n');
        context.println("scripted container on " + host + " of " + hosts);
        Set<String> channels = Files.exists(layout.inputDataConfigFile())
                ? InputDataConfig.read(layout.inputDataConfigFile()).names() : Set.of();
        for (String channel : channels) {
            String files = filesBelow(layout.channelDir(channel));
            model.append("channel.").append(channel).append('=').append(files).append('\n');
            context.println("channel " + channel + ": " + files);
        }
        // What the backend restored into /opt/ml/checkpoints, then one more run counted there: a backend that syncs
        // checkpoints keeps the count across jobs that share a checkpoint location.
        Path checkpoints = layout.checkpointsDir();
        model.append("checkpoints=").append(filesBelow(checkpoints)).append('\n');
        Path runs = checkpoints.resolve(host + "-" + CHECKPOINT_RUNS_FILE);
        int previous = Files.isRegularFile(runs) ? Integer.parseInt(Files.readString(runs, StandardCharsets.UTF_8).trim()) : 0;
        write(runs, (previous + 1) + "\n");
        new TreeMap<>(hyperparameters).forEach((k, v) -> model.append("hyperparameter.").append(k).append('=').append(v).append('\n'));
        for (String line : SUCCESS_LINES) {
            pause();
            context.println(line);
        }
        write(layout.modelDir().resolve(MODEL_FILE), model.toString());
        write(layout.outputDataDir().resolve("summary.txt"), "final train-rmse " + FINAL_METRIC + "\n");
        return 0;
    }

    private static String currentHost(ContainerContext context) {
        return resources(context.layout()).currentHost();
    }

    /** The resource config, or one host's when the platform wrote none (an in-process fake may not). */
    private static ResourceConfig resources(OptMl layout) {
        return Files.exists(layout.resourceConfigFile()) ? ResourceConfig.read(layout.resourceConfigFile())
                : ResourceConfig.singleHost("local");
    }

    private static int sleep(ContainerContext context, ContainerBehaviour behaviour, long seconds) throws IOException {
        write(context.layout().modelDir().resolve(PARTIAL_MODEL_FILE), PARTIAL_MODEL_TEXT);
        context.println(SLEEPING_LINE);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (context.isKilled()) {
                return 137;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                if (behaviour == ContainerBehaviour.IGNORE_SIGTERM) {
                    context.println(IGNORING_SIGTERM_LINE);
                    continue;
                }
                context.println(SIGTERM_LINE);
                return 143;
            }
        }
        return 0;
    }

    private static void onSigterm(ContainerContext context, ContainerBehaviour behaviour) {
        if (EXITING_NORMALLY.get()) {
            return;
        }
        if (behaviour != ContainerBehaviour.IGNORE_SIGTERM) {
            context.println(SIGTERM_LINE);
            return;
        }
        context.println(IGNORING_SIGTERM_LINE);
        // A shutdown hook that never returns keeps the JVM alive: only SIGKILL ends it, as the scenario wants.
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep ignoring
            }
        }
    }

    private static Map<String, String> hyperparameters(ContainerContext context) {
        return new TreeMap<>(context.hyperparameters().asMap());
    }

    private static String filesBelow(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.joining(","));
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
