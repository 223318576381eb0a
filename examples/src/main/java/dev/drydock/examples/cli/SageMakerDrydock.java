package dev.drydock.examples.cli;

import dev.drydock.aws.AwsBackend;
import dev.drydock.core.Drydock;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.error.ConfigurationException;

/**
 * A {@link Drydock} on SageMaker, S3 and ECR from the command line's options: inputs are staged under
 * {@code s3://<bucket>/drydock/}, models written to {@code s3://<bucket>/drydock/models/}, and extracted into the
 * local home folder.
 */
final class SageMakerDrydock {
    private SageMakerDrydock() {
    }

    static Drydock create(BackendOptions options) {
        if (options.bucket == null || options.bucket.isBlank()) {
            throw new ConfigurationException("the sagemaker backend needs an S3 bucket for inputs and models:"
                    + " pass --bucket NAME or set DRYDOCK_BUCKET");
        }
        if (options.roleArn == null || options.roleArn.isBlank()) {
            throw new ConfigurationException("the sagemaker backend needs the execution role SageMaker assumes:"
                    + " pass --role arn:aws:iam::<account>:role/<name> or set DRYDOCK_ROLE_ARN");
        }
        AwsBackend.Builder builder = AwsBackend.builder().bucket(options.bucket).roleArn(options.roleArn)
                .createMissingRepositories(true);
        if (options.region != null && !options.region.isBlank()) {
            builder.region(options.region);
        }
        if (options.profile != null && !options.profile.isBlank()) {
            builder.profile(options.profile);
        }
        AwsBackend aws = builder.build();
        return Drydock.builder()
                .imageRegistry(aws.imageRegistry())
                .storage(aws.storage())
                .trainingBackend(aws.trainingBackend())
                .artifactStore(aws.artifactStore())
                .stagingPrefix(aws.location("drydock/"))
                .outputPath(aws.location("drydock/models/"))
                .workDirectory(options.home().resolve("models"))
                .pollPolicy(PollPolicy.cloud())
                .build();
    }
}
