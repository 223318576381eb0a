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
        if (args.length > 1 && args[1].equals("exit-inside")) {
            // A program that calls System.exit itself must not wait out the grace period in the SIGTERM hook.
            ContainerRunner.main(new String[] {"train"}, (env, stop) -> System.exit(3));
        }
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
