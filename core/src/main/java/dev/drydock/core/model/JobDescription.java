package dev.drydock.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend knows of a job at one moment (SageMaker's DescribeTrainingJob answer, in drydock's terms).
 *
 * @param name            the job's name
 * @param arn             its ARN (local backends make one of the same shape), or {@code null}
 * @param state           its state
 * @param secondaryStatus its current secondary status
 * @param transitions     every secondary status it went through, oldest first
 * @param failureReason   why it failed (first 1024 characters of the failure file), or {@code null}
 * @param created         when it was submitted
 * @param trainingStarted when the container started, or {@code null}
 * @param trainingEnded   when the container ended, or {@code null}
 * @param lastModified    when this description last changed
 * @param finalMetrics    the last value of each metric definition seen in the logs
 * @param modelArtifact   where {@code model.tar.gz} is once Completed, or Stopped after its container saved a
 *                        model; {@code null} otherwise (never set for a Failed job)
 * @param billableSeconds seconds billed (cloud) or run (local), or {@code null}
 */
public record JobDescription(
        JobName name,
        String arn,
        JobState state,
        SecondaryStatus secondaryStatus,
        List<StatusTransition> transitions,
        String failureReason,
        Instant created,
        Instant trainingStarted,
        Instant trainingEnded,
        Instant lastModified,
        Map<String, Double> finalMetrics,
        StorageUri modelArtifact,
        Long billableSeconds) {

    /** Validates the required fields. */
    public JobDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(secondaryStatus, "secondaryStatus");
        Objects.requireNonNull(created, "created");
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
        finalMetrics = finalMetrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
        lastModified = lastModified == null ? created : lastModified;
    }

    /** A builder. */
    public static Builder builder(JobName name) {
        return new Builder(name);
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.arn = arn;
        b.state = state;
        b.secondaryStatus = secondaryStatus;
        b.transitions.addAll(transitions);
        b.failureReason = failureReason;
        b.created = created;
        b.trainingStarted = trainingStarted;
        b.trainingEnded = trainingEnded;
        b.lastModified = lastModified;
        b.finalMetrics.putAll(finalMetrics);
        b.modelArtifact = modelArtifact;
        b.billableSeconds = billableSeconds;
        return b;
    }

    /** The failure reason, if the job failed. */
    public Optional<String> failureReasonIfAny() {
        return Optional.ofNullable(failureReason);
    }

    /** Where the model is, once the job completed, or stopped after its container saved a model. */
    public Optional<StorageUri> modelArtifactIfAny() {
        return Optional.ofNullable(modelArtifact);
    }

    /** How long the container ran, if it started. */
    public Optional<Duration> trainingDuration() {
        if (trainingStarted == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(trainingStarted, trainingEnded == null ? Instant.now() : trainingEnded));
    }

    /** Builds a {@link JobDescription}. */
    public static final class Builder {
        private final JobName name;
        private String arn;
        private JobState state = JobState.IN_PROGRESS;
        private SecondaryStatus secondaryStatus = SecondaryStatus.STARTING;
        private final List<StatusTransition> transitions = new ArrayList<>();
        private String failureReason;
        private Instant created = Instant.now();
        private Instant trainingStarted;
        private Instant trainingEnded;
        private Instant lastModified;
        private final Map<String, Double> finalMetrics = new LinkedHashMap<>();
        private StorageUri modelArtifact;
        private Long billableSeconds;

        private Builder(JobName name) {
            this.name = name;
        }

        /** The job's ARN. */
        public Builder arn(String value) {
            this.arn = value;
            return this;
        }

        /** The state. */
        public Builder state(JobState value) {
            this.state = value;
            return this;
        }

        /** The current secondary status (without recording a transition). */
        public Builder secondaryStatus(SecondaryStatus value) {
            this.secondaryStatus = value;
            return this;
        }

        /**
         * Moves to secondary status {@code next} at {@code at}: ends the current transition and opens a new one.
         * Moving to the status the job is already in changes nothing.
         */
        public Builder transition(SecondaryStatus next, Instant at, String message) {
            if (!transitions.isEmpty()) {
                StatusTransition last = transitions.get(transitions.size() - 1);
                if (last.status() == next && last.isCurrent()) {
                    return this;
                }
                if (last.isCurrent()) {
                    transitions.set(transitions.size() - 1, new StatusTransition(last.status(), last.started(), at, last.message()));
                }
            }
            transitions.add(new StatusTransition(next, at, null, message));
            this.secondaryStatus = next;
            this.lastModified = at;
            return this;
        }

        /** Replaces the transitions. */
        public Builder transitions(List<StatusTransition> value) {
            transitions.clear();
            transitions.addAll(value);
            return this;
        }

        /** Why it failed. */
        public Builder failureReason(String value) {
            this.failureReason = value;
            return this;
        }

        /** When it was submitted. */
        public Builder created(Instant value) {
            this.created = value;
            return this;
        }

        /** When the container started. */
        public Builder trainingStarted(Instant value) {
            this.trainingStarted = value;
            return this;
        }

        /** When the container ended. */
        public Builder trainingEnded(Instant value) {
            this.trainingEnded = value;
            return this;
        }

        /** When the description last changed. */
        public Builder lastModified(Instant value) {
            this.lastModified = value;
            return this;
        }

        /** Records the latest value of a metric. */
        public Builder metric(String metricName, double value) {
            this.finalMetrics.put(metricName, value);
            return this;
        }

        /** Replaces the metrics. */
        public Builder finalMetrics(Map<String, Double> value) {
            this.finalMetrics.clear();
            this.finalMetrics.putAll(value);
            return this;
        }

        /** Where {@code model.tar.gz} is. */
        public Builder modelArtifact(StorageUri value) {
            this.modelArtifact = value;
            return this;
        }

        /** Seconds billed or run. */
        public Builder billableSeconds(Long value) {
            this.billableSeconds = value;
            return this;
        }

        /** The description. */
        public JobDescription build() {
            return new JobDescription(name, arn, state, secondaryStatus, transitions, failureReason, created,
                    trainingStarted, trainingEnded, lastModified, finalMetrics, modelArtifact, billableSeconds);
        }
    }
}
