package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.JobListener;
import dev.drydock.core.TrainingJob;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code drydock logs JOB}: print a job's log lines; with {@code --follow}, until it ends. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a training job's log lines.")
final class LogsCommand extends JobCommand implements Callable<Integer> {
    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the job ends.")
    boolean follow;


    @Override
    public Integer call() {
        try (Drydock drydock = backend.open()) {
            if (follow) {
                TrainingJob handle = onJob(() -> drydock.attach(job, new JobListener() {
                    @Override
                    public void onLog(LogEvent event) {
                        print(event);
                    }
                }));
                handle.await(Duration.ofDays(28));
                return 0;
            }
            LogCursor cursor = LogCursor.START;
            while (true) {
                LogCursor at = cursor;
                LogPage page = onJob(() -> drydock.logs(job, at));
                page.events().forEach(LogsCommand::print);
                if (page.events().isEmpty() || page.next().equals(cursor)) {
                    return 0;
                }
                cursor = page.next();
            }
        }
    }

    private static void print(LogEvent e) {
        System.out.println(e.timestamp() + " [" + e.host() + "] " + e.message());
    }
}
