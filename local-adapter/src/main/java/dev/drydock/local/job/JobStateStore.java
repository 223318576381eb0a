package dev.drydock.local.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.model.StorageUri;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a job's {@code state.json}. Writes go to a temporary file that is then renamed over the old one,
 * so a reader in another process sees the old or the new state, never a part.
 */
public final class JobStateStore {
    private JobStateStore() {
    }

    /** Writes {@code job} into {@code folder}'s state file atomically. */
    public static void write(JobFolder folder, StoredJob job) {
        Path target = folder.stateFile();
        Path temp = target.resolveSibling("state.json." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        boolean moved = false;
        try {
            Files.write(temp, Json.MAPPER.writeValueAsBytes(toJson(job)));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new StorageIoException("could not write the state of job " + job.description().name() + " to " + target
                    + ": " + dev.drydock.archive.DiskSpace.reason(e), e);
        } finally {
            if (!moved) {
                // A full disk leaves an empty or partial temporary file: never leave it behind.
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more can be done; the name says what it was
                }
            }
        }
    }

    /** The job's state, or empty when its folder has no state file (yet). */
    public static Optional<StoredJob> read(JobFolder folder) {
        try {
            return Optional.of(fromJson(folder.name(), Json.MAPPER.readTree(Files.readAllBytes(folder.stateFile()))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StorageIoException("could not read the state of job " + folder.name() + " from " + folder.stateFile()
                    + ": " + e.getMessage() + "; the file may have been edited by hand", e);
        }
    }

    static ObjectNode toJson(StoredJob job) {
        JobDescription d = job.description();
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", d.name().value());
        n.put("backend", job.backend());
        n.put("ownerPid", job.ownerPid());
        n.put("arn", d.arn());
        n.put("state", d.state().wireName());
        n.put("secondaryStatus", d.secondaryStatus().wireName());
        ArrayNode transitions = n.putArray("transitions");
        for (StatusTransition t : d.transitions()) {
            ObjectNode tn = transitions.addObject();
            tn.put("status", t.status().wireName());
            tn.put("started", t.started().toString());
            tn.put("ended", t.ended() == null ? null : t.ended().toString());
            tn.put("message", t.message());
        }
        n.put("failureReason", d.failureReason());
        n.put("created", d.created().toString());
        n.put("trainingStarted", text(d.trainingStarted()));
        n.put("trainingEnded", text(d.trainingEnded()));
        n.put("lastModified", text(d.lastModified()));
        ObjectNode metrics = n.putObject("finalMetrics");
        d.finalMetrics().forEach(metrics::put);
        n.put("modelArtifact", d.modelArtifact() == null ? null : d.modelArtifact().toString());
        if (d.billableSeconds() == null) {
            n.putNull("billableSeconds");
        } else {
            n.put("billableSeconds", d.billableSeconds());
        }
        return n;
    }

    static StoredJob fromJson(JobName name, JsonNode n) {
        List<StatusTransition> transitions = new ArrayList<>();
        for (JsonNode t : n.path("transitions")) {
            transitions.add(new StatusTransition(SecondaryStatus.fromWireName(t.path("status").asText()),
                    Instant.parse(t.path("started").asText()), instant(t.get("ended")), t.path("message").asText("")));
        }
        JobDescription.Builder b = JobDescription.builder(name)
                .arn(string(n.get("arn")))
                .state(JobState.fromWireName(n.path("state").asText()))
                .secondaryStatus(SecondaryStatus.fromWireName(n.path("secondaryStatus").asText()))
                .transitions(transitions)
                .failureReason(string(n.get("failureReason")))
                .created(Instant.parse(n.path("created").asText()))
                .trainingStarted(instant(n.get("trainingStarted")))
                .trainingEnded(instant(n.get("trainingEnded")))
                .lastModified(instant(n.get("lastModified")));
        n.path("finalMetrics").fields().forEachRemaining(e -> b.metric(e.getKey(), e.getValue().asDouble()));
        String model = string(n.get("modelArtifact"));
        b.modelArtifact(model == null ? null : StorageUri.parse(model));
        JsonNode billable = n.get("billableSeconds");
        b.billableSeconds(billable == null || billable.isNull() ? null : billable.asLong());
        return new StoredJob(b.build(), n.path("backend").asText("unknown"), n.path("ownerPid").asLong(-1));
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String string(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }
}
