package dev.drydock.aws;

import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.tuning.EarlyStopping;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobNotFoundException;
import dev.drydock.core.tuning.TuningJobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link TuningBackend} on SageMaker Automatic Model Tuning: CreateHyperParameterTuningJob from the whole spec,
 * DescribeHyperParameterTuningJob with every page of ListTrainingJobsForHyperParameterTuningJob, and
 * StopHyperParameterTuningJob.
 *
 * <p>Submit is idempotent by name, as {@link SageMakerTrainingBackend}'s: the spec's fingerprint travels as the tag
 * {@value SpecFingerprint#TAG}; a submit that finds its name taken by a tuning job with its own fingerprint returns that
 * job, one with another fingerprint throws {@link JobAlreadyExistsException}. Each AWS call is made once;
 * {@link ResilientTuningBackend} retries throttling. Thread-safe.
 */
public final class SageMakerTuningBackend implements TuningBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SageMakerTuningBackend.class);

    private final SageMakerClient sageMaker;
    private final String defaultRoleArn;
    private final String region;

    /** Tuning jobs through {@code sageMaker} (the caller owns the client), trials run as {@code defaultRoleArn} unless the template names a role. */
    public SageMakerTuningBackend(SageMakerClient sageMaker, String defaultRoleArn, String region) {
        this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
        this.defaultRoleArn = defaultRoleArn;
        this.region = region;
    }

    @Override
    public String name() {
        return "sagemaker";
    }

    @Override
    public TuningJobDescription submit(TuningJobSpec spec) {
        String role = CreateTrainingJobMapper.roleArn(spec.trainingTemplate(), defaultRoleArn);
        // The role is part of the identity: the same spec run as another role is another tuning job.
        String fingerprint = fingerprint(spec.fingerprint() + "\n" + role);
        CreateHyperParameterTuningJobRequest request = CreateTuningJobMapper.map(spec, role, fingerprint);
        String job = spec.name().value();
        try {
            sageMaker.createHyperParameterTuningJob(request);
            LOG.info("submitted SageMaker tuning job {}{}", job, where());
        } catch (AwsServiceException e) {
            if (!SageMakerErrors.isNameTaken(e)) {
                throw AwsErrors.translate(e, "creating tuning job " + job + where());
            }
            return existingSameJob(spec.name(), fingerprint, e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "creating tuning job " + job + where());
        }
        return describe(spec.name());
    }

    private TuningJobDescription existingSameJob(TuningJobName name, String fingerprint, AwsServiceException cause) {
        DescribeHyperParameterTuningJobResponse existing = describeRaw(name);
        String theirs = null;
        try {
            theirs = SpecFingerprint.taggedOn(sageMaker, existing.hyperParameterTuningJobArn());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the tags of existing tuning job " + name + where());
        }
        if (fingerprint.equals(theirs)) {
            LOG.info("tuning job {} already exists with the same spec: returning it (submit retried)", name);
            return describe(name);
        }
        throw new JobAlreadyExistsException(name.value(), "a tuning job named \"" + name + "\" already exists" + where()
                + " with a different spec: choose another name, or describe that one", cause);
    }

    @Override
    public TuningJobDescription describe(TuningJobName name) {
        DescribeHyperParameterTuningJobResponse d = describeRaw(name);
        List<HyperParameterTrainingJobSummary> trials = new ArrayList<>();
        String next = null;
        try {
            do {
                String token = next;
                ListTrainingJobsForHyperParameterTuningJobResponse page = sageMaker.listTrainingJobsForHyperParameterTuningJob(
                        b -> b.hyperParameterTuningJobName(name.value()).maxResults(100).nextToken(token));
                trials.addAll(page.trainingJobSummaries());
                next = page.nextToken();
            } while (next != null);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing the training jobs of tuning job " + name + where());
        }
        boolean tunerStops = d.hyperParameterTuningJobConfig().strategyConfig() != null
                || EarlyStopping.AUTO.wireName().equals(d.hyperParameterTuningJobConfig().trainingJobEarlyStoppingTypeAsString());
        return TuningDescriptionMapper.map(d, trials, tunerStops && !"Stopped".equals(d.hyperParameterTuningJobStatusAsString()));
    }

    private DescribeHyperParameterTuningJobResponse describeRaw(TuningJobName name) {
        try {
            return sageMaker.describeHyperParameterTuningJob(b -> b.hyperParameterTuningJobName(name.value()));
        } catch (AwsServiceException e) {
            if (SageMakerErrors.isNotFound(e)) {
                throw new TuningJobNotFoundException(name.value(), "on SageMaker" + where());
            }
            throw AwsErrors.translate(e, "describing tuning job " + name + where());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "describing tuning job " + name + where());
        }
    }

    @Override
    public void stop(TuningJobName name) {
        try {
            sageMaker.stopHyperParameterTuningJob(b -> b.hyperParameterTuningJobName(name.value()));
            LOG.info("asked SageMaker to stop tuning job {}", name);
        } catch (AwsServiceException e) {
            if (SageMakerErrors.isNotFound(e)) {
                throw new TuningJobNotFoundException(name.value(), "on SageMaker" + where());
            }
            if (SageMakerErrors.isAlreadyEnded(e)) {
                LOG.debug("tuning job {} has already ended: nothing to stop", name);
                return;
            }
            throw AwsErrors.translate(e, "stopping tuning job " + name + where());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "stopping tuning job " + name + where());
        }
    }

    private static String fingerprint(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String where() {
        return region == null ? "" : " in " + region;
    }

}
