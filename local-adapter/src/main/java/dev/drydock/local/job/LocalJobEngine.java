package dev.drydock.local.job;

import dev.drydock.archive.DiskSpace;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link dev.drydock.core.port.TrainingBackend} behaviour both local backends share; a backend adds only its
 * {@link HostLauncher}.
 *
 * <p>Every job lives in its own folder under the job root (see {@link JobFolder}); its state is a JSON file written
 * atomically, its logs a file appended line by line, so that any process pointed at the same job root can describe
 * it, read its logs and stop it by name. Jobs run in the JVM that submitted them, on one thread each; when that JVM
 * exits, a shutdown hook kills their hosts, removes their containers and marks them Failed.
 */
public final class LocalJobEngine {
    /** Jobs running in this JVM, by folder, shared by every engine so that two engines on one root agree. */
    private static final Map<Path, RunningJob> RUNNING = new ConcurrentHashMap<>();
    private static final String ARN_PREFIX = "arn:aws:sagemaker:local:000000000000:training-job/";

    /** Beyond the grace period, how long an exiting JVM waits for a stopped job to publish what it saved. */
    private static final Duration PUBLISH_ALLOWANCE = Duration.ofSeconds(30);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LocalJobEngine::stopRunningJobs, "drydock-local-jobs-shutdown"));
    }

    /**
     * When this JVM exits normally (end of main, Ctrl-C, SIGTERM), its jobs are stopped as a stop request stops them:
     * SIGTERM, the grace period for the trainer to save, SIGKILL, and what it saved published; only a job that has not
     * ended after that is killed outright. A JVM killed with SIGKILL runs no hook: its children notice by themselves.
     */
    private static void stopRunningJobs() {
        List<RunningJob> jobs = List.copyOf(RUNNING.values());
        for (RunningJob job : jobs) {
            try {
                job.requestStop(StopCause.EXITING);
            } catch (RuntimeException e) {
                // Best effort while the JVM exits: go on with the other jobs.
            }
        }
        for (RunningJob job : jobs) {
            try {
                if (!job.awaitEnd(job.gracePeriod().plus(PUBLISH_ALLOWANCE))) {
                    job.shutdownNow();
                }
                job.saveState(); // a last attempt for a state a full disk kept in memory
            } catch (RuntimeException e) {
                // as above
            }
        }
    }

    private final Path jobRoot;
    private final ChannelStager stager;
    private final Storage storage;
    private final ModelPublisher publisher;
    private final HostLauncher launcher;
    private final Duration gracePeriod;

    /**
     * An engine keeping jobs under {@code jobRoot}, staging from {@code storage}, storing models with
     * {@code publisher}, starting hosts with {@code launcher}; SIGKILL follows SIGTERM after {@code gracePeriod}.
     */
    public LocalJobEngine(Path jobRoot, Storage storage, ModelPublisher publisher, HostLauncher launcher, Duration gracePeriod) {
        this.jobRoot = Objects.requireNonNull(jobRoot, "jobRoot").toAbsolutePath().normalize();
        this.storage = Objects.requireNonNull(storage, "storage");
        this.stager = new ChannelStager(storage);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    /** The ARN a local job gets, of SageMaker's shape: {@code arn:aws:sagemaker:local:000000000000:training-job/<name>}. */
    public static String arnOf(JobName name) {
        return ARN_PREFIX + name.value();
    }

    /** The folder jobs are kept in. */
    public Path jobRoot() {
        return jobRoot;
    }

    /**
     * The rules of the spec that hold before its inputs are uploaded: a checkpoint location and an output path this
     * storage serves, and a checkpoint folder the launcher can show the trainer.
     */
    public void check(TrainingJobSpec spec) {
        CheckpointSync.check(storage, spec, launcher.name(), launcher.mountsCheckpointsAnywhere());
        publisher.checkWritable(spec.outputPath());
    }

    /**
     * Checks the spec (channels, output path, what the launcher needs), creates the job folder and starts the job in
     * the background. Nothing is created when a check fails.
     */
    public JobDescription submit(TrainingJobSpec spec) {
        JobFolder folder = JobFolder.of(jobRoot, spec.name());
        // Canonical (map order does not matter), so a retry with the same spec is recognised in this or another JVM.
        String fingerprint = spec.fingerprint();
        if (Files.isDirectory(folder.root())) {
            return existing(folder, fingerprint);
        }
        stager.checkSources(spec);
        check(spec);
        launcher.preflight(spec);
        try {
            Files.createDirectories(jobRoot);
            Files.createDirectory(folder.root());
        } catch (FileAlreadyExistsException e) {
            return existing(folder, fingerprint);
        } catch (IOException e) {
            throw new StorageIoException("could not create the job folder " + folder.root() + ": " + DiskSpace.reason(e)
                    + "; check that the job root " + jobRoot + " is writable, or configure another", e);
        }
        Instant now = Instant.now();
        JobDescription initial = JobDescription.builder(spec.name())
                .arn(arnOf(spec.name()))
                .state(JobState.IN_PROGRESS)
                .created(now)
                .transition(SecondaryStatus.STARTING, now, "Preparing the instances for training")
                .build();
        try {
            Files.writeString(folder.specFingerprintFile(), fingerprint);
            Files.createFile(folder.logFile());
        } catch (IOException e) {
            deleteQuietly(folder.root());
            throw new StorageIoException("could not write into the job folder " + folder.root() + ": " + DiskSpace.reason(e), e);
        }
        try {
            JobStateStore.write(folder, new StoredJob(initial, launcher.name(), ProcessHandle.current().pid()));
        } catch (StorageIoException e) {
            // Nothing has started: leave no half-made job behind that would claim the name.
            deleteQuietly(folder.root());
            throw e;
        }
        RunningJob job = new RunningJob(this, spec, folder, initial);
        RUNNING.put(folder.root(), job);
        Thread thread = new Thread(job, "drydock-job-" + spec.name().value());
        thread.setDaemon(true);
        thread.start();
        return initial;
    }

    /** The job's current description. */
    public JobDescription describe(JobName name) {
        JobFolder folder = JobFolder.of(jobRoot, name);
        RunningJob running = RUNNING.get(folder.root());
        if (running != null) {
            return running.describe();
        }
        return load(folder).orElseThrow(() -> notFound(name));
    }

    /** The job's log lines after {@code cursor}. */
    public LogPage readLogs(JobName name, LogCursor cursor) {
        JobFolder folder = JobFolder.of(jobRoot, name);
        if (!Files.isDirectory(folder.root())) {
            throw notFound(name);
        }
        return JobLog.read(folder.logFile(), cursor);
    }

    /** Asks the job to stop; an ended job is left as it is. */
    public void stop(JobName name) {
        JobFolder folder = JobFolder.of(jobRoot, name);
        RunningJob running = RUNNING.get(folder.root());
        if (running != null) {
            running.requestStop(StopCause.REQUESTED);
            return;
        }
        JobDescription d = load(folder).orElseThrow(() -> notFound(name));
        if (!d.state().isTerminal()) {
            // The job runs in another JVM: it watches for this file.
            try {
                Files.writeString(folder.stopRequestFile(), Instant.now().toString());
            } catch (IOException e) {
                throw new StorageIoException("could not ask job " + name + " to stop (writing " + folder.stopRequestFile()
                        + "): " + DiskSpace.reason(e), e);
            }
        }
    }

    /**
     * A spot interruption drill: the job's hosts get SIGTERM and the grace period, then the job starts again under
     * the same name on its checkpoints, as SageMaker restarts a managed spot job whose instance was reclaimed.
     *
     * @throws InvalidInputException when the job is not a running managed spot job with checkpoints (checked here
     *                               when this JVM runs the job; a job run by another JVM checks it and logs a refusal)
     */
    public void interrupt(JobName name) {
        JobFolder folder = JobFolder.of(jobRoot, name);
        RunningJob running = RUNNING.get(folder.root());
        if (running != null) {
            running.requestInterruption().ifPresent(why -> {
                throw new InvalidInputException(java.util.List.of(new dev.drydock.core.error.Violation("jobName",
                        name.value(), why)));
            });
            return;
        }
        JobDescription d = load(folder).orElseThrow(() -> notFound(name));
        if (d.state().isTerminal()) {
            throw new InvalidInputException(java.util.List.of(new dev.drydock.core.error.Violation("jobName", name.value(),
                    "has ended (" + d.state().wireName() + "): only a running job can be interrupted")));
        }
        try {
            Files.writeString(folder.interruptRequestFile(), Instant.now().toString());
        } catch (IOException e) {
            throw new StorageIoException("could not ask job " + name + " to be interrupted (writing "
                    + folder.interruptRequestFile() + "): " + e.getMessage(), e);
        }
    }

    /** The most recent jobs, newest first. */
    public List<JobSummary> list(int max) {
        if (max <= 0 || !Files.isDirectory(jobRoot)) {
            return List.of();
        }
        List<JobSummary> jobs = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobRoot, Files::isDirectory)) {
            for (Path dir : dirs) {
                JobName name;
                try {
                    name = JobName.of(dir.getFileName().toString());
                } catch (RuntimeException e) {
                    continue;
                }
                JobFolder folder = JobFolder.of(jobRoot, name);
                Optional<JobDescription> d;
                try {
                    d = Optional.ofNullable(RUNNING.get(folder.root())).map(RunningJob::describe).or(() -> load(folder));
                } catch (StorageIoException e) {
                    // One damaged state file must not hide every other job: list it with its problem and go on.
                    jobs.add(JobSummary.unreadable(name, lastWritten(folder), e.getMessage()));
                    continue;
                }
                d.ifPresent(job -> jobs.add(new JobSummary(job.name(), job.state(), job.created(),
                        job.state().isTerminal() ? job.lastModified() : null)));
            }
        } catch (IOException e) {
            throw new StorageIoException("could not list the job root " + jobRoot + ": " + e.getMessage(), e);
        }
        jobs.sort(Comparator.comparing(JobSummary::created).reversed());
        return List.copyOf(jobs.subList(0, Math.min(max, jobs.size())));
    }

    Storage storage() {
        return storage;
    }

    private static Instant lastWritten(JobFolder folder) {
        try {
            return Files.getLastModifiedTime(Files.exists(folder.stateFile()) ? folder.stateFile() : folder.root()).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    ChannelStager stager() {
        return stager;
    }

    ModelPublisher publisher() {
        return publisher;
    }

    HostLauncher launcher() {
        return launcher;
    }

    Duration gracePeriod() {
        return gracePeriod;
    }

    void forget(RunningJob job) {
        RUNNING.remove(job.folder().root(), job);
    }

    private JobDescription existing(JobFolder folder, String fingerprint) {
        String theirs = null;
        // The other submitter may be between creating the folder and writing the fingerprint: wait a little.
        for (int attempt = 0; attempt < 50 && theirs == null; attempt++) {
            try {
                theirs = Files.readString(folder.specFingerprintFile(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                sleep(20);
            } catch (IOException e) {
                throw new StorageIoException("could not read " + folder.specFingerprintFile() + ": " + e.getMessage(), e);
            }
        }
        if (!fingerprint.equals(theirs)) {
            throw new JobAlreadyExistsException(folder.name().value());
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<JobDescription> d = Optional.ofNullable(RUNNING.get(folder.root())).map(RunningJob::describe).or(() -> load(folder));
            if (d.isPresent()) {
                return d.get();
            }
            sleep(20);
        }
        throw new JobAlreadyExistsException(folder.name().value());
    }

    /** Reads the persisted state; a job whose owning process died unnoticed is described as Failed. */
    private Optional<JobDescription> load(JobFolder folder) {
        Optional<StoredJob> stored = JobStateStore.read(folder);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredJob job = stored.get();
        JobDescription d = job.description();
        if (!d.state().isTerminal() && job.ownerPid() > 0 && !RUNNING.containsKey(folder.root()) && !ownerAlive(job.ownerPid())) {
            // An orphaned host would run on at full CPU, its model never published: end it as a stop would.
            List<String> ended = launcher.endLeftovers(folder.root(), gracePeriod);
            Instant now = Instant.now();
            // Derived, not written: a reader never writes (it must work on a full disk or a read-only copy).
            d = d.toBuilder().state(JobState.FAILED)
                    .failureReason(ownerDiedReason(job.ownerPid(), ended))
                    .transition(SecondaryStatus.FAILED, now, "Training job failed")
                    .build();
        }
        return Optional.of(d);
    }

    /** Why a job whose submitting process died is Failed, and what of it this reader found running and stopped. */
    static String ownerDiedReason(long ownerPid, List<String> endedHosts) {
        return "the process that submitted the job (pid " + ownerPid + ") died before the job ended (killed, or the"
                + " machine restarted), so its model was never published"
                + (endedHosts.isEmpty() ? "" : "; its hosts still running (" + String.join(", ", endedHosts)
                + ") were stopped") + "; submit the job again under a new name";
    }

    private static boolean ownerAlive(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private JobNotFoundException notFound(JobName name) {
        return new JobNotFoundException(name.value(), "under the job root " + jobRoot + " of the local " + launcher.name() + " backend");
    }

    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: what is left is an empty or partial job folder
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.drydock.core.error.DrydockInterruptedException("waiting for another submit of the same job", e);
        }
    }
}
