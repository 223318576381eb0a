package dev.drydock.contract;

import java.nio.file.Files;

/** A child-process program for {@link ContainerRunnerTest}: works until SIGTERM, then saves and returns. */
public final class StoppableTrainer {
    private StoppableTrainer() {
    }

    /**
     * @param args {@code train}
     */
    public static void main(String[] args) {
        System.exit(ContainerRunner.main(args, (env, stop) -> {
            System.out.println("working");
            System.out.flush();
            int units = 0;
            while (!stop.stopRequested()) {
                Thread.sleep(20);
                units++;
            }
            Files.writeString(env.modelDir().resolve("partial.txt"), "saved after " + units + " units");
        }));
    }
}
