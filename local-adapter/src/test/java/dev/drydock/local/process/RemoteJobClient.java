package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;

import java.nio.file.Path;
import java.util.List;

/**
 * A second JVM's view of jobs another JVM runs, for {@link ChildProcessCrossJvmTest}: it builds its own process
 * backend on the same job root and reports what it sees as {@code key=value} lines on stdout.
 *
 * <p>Arguments: {@code <job root> <job name> describe} prints the description; {@code <job root> <job name> stop
 * <cursor token>} describes the job, reads its log from the start and from the given cursor (saved as text by the
 * other JVM), stops the job, waits until it has ended and reads the log again from where the first read left off.
 */
public final class RemoteJobClient {
    private RemoteJobClient() {
    }

    /** Runs one command; exits 0 when it ran to the end. */
    public static void main(String[] args) throws Exception {
        Path jobRoot = Path.of(args[0]);
        JobName name = JobName.of(args[1]);
        FileSystemStorage storage = FileSystemStorage.create();
        // Never launches anything: this JVM only describes, reads and stops jobs another JVM runs.
        TrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build();
        describe(backend.describe(name), "");
        if (args[2].equals("stop")) {
            LogPage fromStart = backend.readLogs(name, LogCursor.START);
            print("fromStart", fromStart.events());
            LogPage fromSaved = backend.readLogs(name, new LogCursor(args[3]));
            print("fromSavedCursor", fromSaved.events());
            backend.stop(name);
            JobDescription d = backend.describe(name);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!d.state().isTerminal() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                d = backend.describe(name);
            }
            describe(d, "after.");
            LogPage rest = backend.readLogs(name, new LogCursor(fromStart.next().token()));
            print("afterStop", rest.events());
            System.out.println("cursorAfterStop=" + rest.next().token());
        }
        System.out.println("done=true");
    }

    private static void describe(JobDescription d, String prefix) {
        System.out.println(prefix + "state=" + d.state().wireName());
        System.out.println(prefix + "secondaryStatus=" + d.secondaryStatus().wireName());
        System.out.println(prefix + "modelArtifact=" + d.modelArtifact());
        System.out.println(prefix + "arn=" + d.arn());
    }

    private static void print(String key, List<LogEvent> events) {
        System.out.println(key + ".count=" + events.size());
        for (LogEvent e : events) {
            System.out.println(key + ".line=" + e.host() + "|" + e.message());
        }
    }
}
