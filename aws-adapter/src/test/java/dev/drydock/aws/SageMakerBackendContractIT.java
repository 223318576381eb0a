package dev.drydock.aws;

import dev.drydock.aws.emulator.EmulatedCloudWatchLogs;
import dev.drydock.aws.emulator.SageMakerEmulator;
import dev.drydock.core.Backend;
import dev.drydock.core.ImageSource;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.testkit.BackendContractTest;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.InMemoryImageRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The SageMaker backend runs drydock's whole workflow against the SageMaker emulator: the {@link AwsBackend}'s own S3
 * storage, artifact store, staging prefix and output path (on S3Mock at 127.0.0.1), the real
 * {@link SageMakerTrainingBackend} over the emulator's SageMaker and CloudWatch Logs. ECR has no emulator here, so
 * the image registry is the testkit's fake holding the ECR image the request names, and the poll policy is the
 * local one so that the suite does not wait SageMaker's intervals.
 */
class SageMakerBackendContractIT extends BackendContractTest {
    private static final String BUCKET = "drydock-backend-contract";
    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/drydock/scripted:latest";

    private S3MockServer server;

    @Override
    protected Backend createBackend() {
        server = S3MockServer.start(BUCKET);
        Path home;
        try {
            home = Files.createTempDirectory("sagemaker-backend");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AwsBackend aws = server.backend().bucket(BUCKET).roleArn("arn:aws:iam::123456789012:role/DrydockContract")
                .home(home).build();
        ChildProcessTrainingBackend containers = ChildProcessTrainingBackend.builder().jobRoot(home.resolve("jobs"))
                .storage(aws.storage()).modelPublisher(new StorageModelPublisher(aws.storage()))
                .command(SageMakerTrainingBackendContractIT.scriptedContainerCommand()).gracePeriod(Duration.ofSeconds(1))
                .build();
        SageMakerEmulator sageMaker = new SageMakerEmulator(containers);
        TrainingBackend training = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
                .logs(new CloudWatchLogReader(new EmulatedCloudWatchLogs(sageMaker, containers)))
                .defaultRoleArn("arn:aws:iam::123456789012:role/DrydockContract").region("us-east-1").build();
        InMemoryImageRegistry ecr = new InMemoryImageRegistry();
        ecr.add(ImageReference.parse(IMAGE));
        return new EmulatedSageMaker(aws, training, ecr, server);
    }

    @Override
    protected TrainingRequest.Builder requestFor(ContainerBehaviour behaviour) {
        return TrainingRequest.builder().image(ImageSource.existing(IMAGE)).spec(behaviour::applyTo);
    }

    /** The AWS backend with its SageMaker and ECR replaced by the emulator and a fake. */
    private record EmulatedSageMaker(AwsBackend aws, TrainingBackend training, ImageRegistry ecr, S3MockServer server)
            implements Backend {
        @Override
        public String name() {
            return aws.name();
        }

        @Override
        public ImageRegistry imageRegistry() {
            return ecr;
        }

        @Override
        public Storage storage() {
            return aws.storage();
        }

        @Override
        public TrainingBackend trainingBackend() {
            return training;
        }

        @Override
        public ArtifactStore artifactStore() {
            return aws.artifactStore();
        }

        @Override
        public StorageUri stagingPrefix() {
            return aws.stagingPrefix();
        }

        @Override
        public StorageUri defaultOutputPath() {
            return aws.defaultOutputPath();
        }

        @Override
        public PollPolicy pollPolicy() {
            return PollPolicy.local();
        }

        @Override
        public Path workDirectory() {
            return aws.workDirectory();
        }

        @Override
        public void close() {
            aws.close();
            server.close();
        }
    }
}
