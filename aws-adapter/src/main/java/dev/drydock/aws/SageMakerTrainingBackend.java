package dev.drydock.aws;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link TrainingBackend} on Amazon SageMaker: CreateTrainingJob from the whole spec, DescribeTrainingJob, Stop,
 * List, and the job's CloudWatch logs through {@link CloudWatchLogReader}. Attaching to an existing job is
 * {@link #describe} by name.
 *
 * <p>Submit is idempotent by job name: the spec's fingerprint travels as the tag {@value SpecFingerprint#TAG}; a
 * submit that finds a job of its name with its own fingerprint (a retry, or the SDK's own retry of a create whose
 * answer was lost) returns that job, and one that finds a different job throws {@link JobAlreadyExistsException}.
 *
 * <p>This class makes each AWS call once (the SDK retries transient HTTP errors); throttling that outlasts the SDK's
 * retries surfaces as {@link dev.drydock.core.error.ThrottledException}, which {@link ResilientTrainingBackend}
 * retries for the calls that are safe to repeat. Thread-safe.
 */
public final class SageMakerTrainingBackend implements TrainingBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SageMakerTrainingBackend.class);

    private final SageMakerClient sageMaker;
    private final CloudWatchLogReader logs;
    private final String defaultRoleArn;
    private final String region;

    private SageMakerTrainingBackend(Builder b) {
        this.sageMaker = Objects.requireNonNull(b.sageMaker, "sageMaker client");
        this.logs = Objects.requireNonNull(b.logs, "log reader");
        this.defaultRoleArn = b.defaultRoleArn;
        this.region = b.region;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "sagemaker";
    }

    @Override
    public JobDescription submit(TrainingJobSpec spec) {
        String role = CreateTrainingJobMapper.roleArn(spec, defaultRoleArn);
        String fingerprint = SpecFingerprint.of(spec, role);
        CreateTrainingJobRequest request = CreateTrainingJobMapper.map(spec, role, fingerprint);
        String job = spec.name().value();
        try {
            sageMaker.createTrainingJob(request);
            LOG.info("submitted SageMaker training job {}{}", job, where());
        } catch (AwsServiceException e) {
            if (!SageMakerErrors.isNameTaken(e)) {
                throw AwsErrors.translate(e, "creating training job " + job + where());
            }
            return existingSameJob(spec.name(), fingerprint, e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "creating training job " + job + where());
        }
        return describe(spec.name());
    }

    /** The job already named so, when it is this very spec's (a retry); else the name is taken. */
    private JobDescription existingSameJob(JobName name, String fingerprint, AwsServiceException cause) {
        DescribeTrainingJobResponse existing = describeRaw(name);
        String theirs = null;
        try {
            theirs = SpecFingerprint.taggedOn(sageMaker, existing.trainingJobArn());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the tags of existing training job " + name + where());
        }
        if (fingerprint.equals(theirs)) {
            LOG.info("training job {} already exists with the same spec: returning it (submit retried)", name);
            return JobDescriptionMapper.map(existing);
        }
        throw new JobAlreadyExistsException(name.value(), cause);
    }

    @Override
    public JobDescription describe(JobName name) {
        return JobDescriptionMapper.map(describeRaw(name));
    }

    private DescribeTrainingJobResponse describeRaw(JobName name) {
        try {
            return sageMaker.describeTrainingJob(b -> b.trainingJobName(name.value()));
        } catch (AwsServiceException e) {
            if (SageMakerErrors.isNotFound(e)) {
                throw notFound(name, e);
            }
            throw AwsErrors.translate(e, "describing training job " + name + where());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "describing training job " + name + where());
        }
    }

    @Override
    public LogPage readLogs(JobName name, LogCursor cursor) {
        LogPage page = logs.read(name.value(), cursor);
        if (page.events().isEmpty() && page.next().isStart()) {
            // No stream yet: normal before the job starts, but an unknown job must say so (the port's contract).
            describeRaw(name);
        }
        return page;
    }

    @Override
    public void stop(JobName name) {
        try {
            sageMaker.stopTrainingJob(b -> b.trainingJobName(name.value()));
            LOG.info("asked SageMaker to stop training job {}", name);
        } catch (AwsServiceException e) {
            if (SageMakerErrors.isNotFound(e)) {
                throw notFound(name, e);
            }
            if (SageMakerErrors.isAlreadyEnded(e)) {
                LOG.debug("training job {} has already ended: nothing to stop", name);
                return;
            }
            throw AwsErrors.translate(e, "stopping training job " + name + where());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "stopping training job " + name + where());
        }
    }

    @Override
    public List<JobSummary> list(int max) {
        if (max < 1) {
            throw dev.drydock.core.error.InvalidInputException.of("max", max, "must be at least 1");
        }
        List<JobSummary> found = new ArrayList<>();
        String next = null;
        try {
            do {
                String token = next;
                int pageSize = Math.min(100, max - found.size());
                ListTrainingJobsResponse r = sageMaker.listTrainingJobs(b -> b.sortBy(SortBy.CREATION_TIME)
                        .sortOrder(SortOrder.DESCENDING).maxResults(pageSize).nextToken(token));
                for (TrainingJobSummary s : r.trainingJobSummaries()) {
                    if (found.size() < max) {
                        found.add(JobDescriptionMapper.summary(s));
                    }
                }
                next = r.nextToken();
            } while (next != null && found.size() < max);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing training jobs" + where());
        }
        return found;
    }

    private String where() {
        return region == null ? "" : " in " + region;
    }

    private DrydockException notFound(JobName name, Exception cause) {
        return new JobNotFoundException(name.value(), "on SageMaker" + where(), cause);
    }

    /** Builds a {@link SageMakerTrainingBackend}. */
    public static final class Builder {
        private SageMakerClient sageMaker;
        private CloudWatchLogReader logs;
        private String defaultRoleArn;
        private String region;

        private Builder() {
        }

        /** The SageMaker client (the caller owns and closes it). */
        public Builder sageMaker(SageMakerClient client) {
            this.sageMaker = client;
            return this;
        }

        /** The CloudWatch Logs reader. */
        public Builder logs(CloudWatchLogReader reader) {
            this.logs = reader;
            return this;
        }

        /** The role jobs run as when their spec names none. */
        public Builder defaultRoleArn(String roleArn) {
            this.defaultRoleArn = roleArn;
            return this;
        }

        /** The region, for messages. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** The backend. */
        public SageMakerTrainingBackend build() {
            return new SageMakerTrainingBackend(this);
        }
    }
}
