package dev.drydock.core.tuning;

import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A local tuning job on disk, so that any process can describe, follow, stop or resume it:
 * {@code tuning.properties} (the job), {@code trials/<trial>.properties} (one per trial) and the {@code stop-requested}
 * marker. Every file is replaced atomically, so a reader never sees half of one.
 */
final class TuningFolder {
    private static final String JOB_FILE = "tuning.properties";
    private static final String STOP_MARKER = "stop-requested";
    private static final String HYPERPARAMETER = "hyperparameter.";

    private final Path folder;

    TuningFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    boolean exists() {
        return Files.isRegularFile(folder.resolve(JOB_FILE));
    }

    /** The job's record: fingerprint, status, objective, owner, times. */
    Properties readJob() {
        return read(folder.resolve(JOB_FILE));
    }

    void writeJob(Properties job) {
        write(folder.resolve(JOB_FILE), job);
    }

    void requestStop() {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(STOP_MARKER), Instant.now().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageIoException("could not request a stop of the tuning job in " + folder + ": " + e.getMessage(), e);
        }
    }

    boolean stopRequested() {
        return Files.exists(folder.resolve(STOP_MARKER));
    }

    void writeTrial(TrialSummary trial) {
        Properties p = new Properties();
        p.setProperty("name", trial.name().value());
        p.setProperty("state", trial.state().wireName());
        trial.tunedHyperparameters().forEach((k, v) -> p.setProperty(HYPERPARAMETER + k, v));
        if (trial.objective() != null) {
            p.setProperty("objective", Double.toString(trial.objective()));
        }
        p.setProperty("intermediate", String.join(",", trial.intermediateObjective().stream().map(String::valueOf).toList()));
        p.setProperty("earlyStopped", Boolean.toString(trial.earlyStopped()));
        p.setProperty("created", trial.created().toString());
        if (trial.ended() != null) {
            p.setProperty("ended", trial.ended().toString());
        }
        if (trial.failureReason() != null) {
            p.setProperty("failureReason", trial.failureReason());
        }
        write(folder.resolve("trials").resolve(trial.name().value() + ".properties"), p);
    }

    List<TrialSummary> readTrials() {
        Path trials = folder.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return List.of();
        }
        List<TrialSummary> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(trials)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                found.add(trialOf(read(file)));
            }
        } catch (IOException e) {
            throw new StorageIoException("could not list the trials in " + trials + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static TrialSummary trialOf(Properties p) {
        Map<String, String> hyperparameters = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(HYPERPARAMETER))
                .forEach(k -> hyperparameters.put(k.substring(HYPERPARAMETER.length()), p.getProperty(k)));
        String intermediate = p.getProperty("intermediate", "");
        List<Double> values = intermediate.isEmpty() ? List.of()
                : Arrays.stream(intermediate.split(",")).map(Double::valueOf).toList();
        String objective = p.getProperty("objective");
        String ended = p.getProperty("ended");
        return new TrialSummary(JobName.of(p.getProperty("name")), new LinkedHashMap<>(hyperparameters),
                JobState.fromWireName(p.getProperty("state")), objective == null ? null : Double.valueOf(objective), values,
                Boolean.parseBoolean(p.getProperty("earlyStopped")), Instant.parse(p.getProperty("created")),
                ended == null ? null : Instant.parse(ended), p.getProperty("failureReason"));
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new StorageIoException("could not read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(writer, null);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageIoException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
