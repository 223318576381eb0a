package dev.drydock.testkit.tuning;

import dev.drydock.testkit.ContainerContext;
import dev.drydock.testkit.ContainerProgram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * A training "container" for tuning tests: its loss is {@code f(hyperparameters)}, approached over {@code epochs}
 * epochs as {@code f + 1/epoch}, one log line {@code epoch=N validation-loss: V} per epoch. It counts how many run at
 * once, so that a test can check the parallel limit.
 */
final class CurveTrainer implements ContainerProgram {
    static final String METRIC = "validation:loss";
    static final String REGEX = "validation-loss: ([-0-9.eE]+)";

    private final ToDoubleFunction<Map<String, String>> f;
    private final int epochs;
    private final long epochMillis;
    private final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger starts = new AtomicInteger();
    /** The job name of every start, in order. */
    final java.util.List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    CurveTrainer(ToDoubleFunction<Map<String, String>> f, int epochs, long epochMillis) {
        this.f = f;
        this.epochs = epochs;
        this.epochMillis = epochMillis;
    }

    @Override
    public int run(ContainerContext context) throws Exception {
        starts.incrementAndGet();
        started.add(context.environment().getOrDefault("TRAINING_JOB_NAME", "?"));
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            Map<String, String> hyperparameters = new java.util.TreeMap<>(context.hyperparameters().asMap());
            double target = f.applyAsDouble(hyperparameters);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                try {
                    Thread.sleep(epochMillis);
                } catch (InterruptedException e) {
                    context.println("stopped at epoch " + epoch);
                    return 143;
                }
                context.println("epoch=" + epoch + " validation-loss: " + (target + 1.0 / epoch));
            }
            Path model = context.path("model/model.txt");
            Files.createDirectories(model.getParent());
            Files.writeString(model, "target=" + target + "\n" + hyperparameters + "\n", StandardCharsets.UTF_8);
            return 0;
        } finally {
            running.decrementAndGet();
        }
    }
}
