package dev.drydock.aws;

import dev.drydock.aws.emulator.EmulatedCloudWatchLogs;
import dev.drydock.aws.emulator.SageMakerEmulator;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.ScriptedContainer;
import dev.drydock.testkit.TrainingBackendContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@link SageMakerTrainingBackend} passes the training backend contract against the SageMaker emulator: every
 * scenario goes through the real SDK request and response models, runs the testkit's {@link ScriptedContainer} as
 * child processes under the container contract, stages channels from and publishes models to S3 (S3Mock on
 * 127.0.0.1, hence an IT), and reads logs through {@link CloudWatchLogReader}.
 */
class SageMakerTrainingBackendContractIT extends TrainingBackendContractTest {
    private static final String BUCKET = "drydock-sagemaker-contract";
    private static final String ROLE = "arn:aws:iam::123456789012:role/DrydockContract";

    @TempDir
    static Path jobRoot;

    private S3MockServer server;
    private AwsBackend aws;
    private EmulatedCloudWatchLogs cloudWatch;
    private SageMakerEmulator sageMaker;
    private SageMakerTrainingBackend backend;
    private SageMakerTrainingBackend another;

    @BeforeAll
    void startEmulator() {
        server = S3MockServer.start(BUCKET);
        aws = server.backend().build();
        ChildProcessTrainingBackend local = ChildProcessTrainingBackend.builder()
                .jobRoot(jobRoot)
                .storage(aws.storage())
                .modelPublisher(new StorageModelPublisher(aws.storage()))
                .command(scriptedContainerCommand())
                .gracePeriod(Duration.ofSeconds(1))
                .build();
        sageMaker = new SageMakerEmulator(local);
        cloudWatch = new EmulatedCloudWatchLogs(sageMaker, local);
        backend = sageMakerBackend();
        another = sageMakerBackend();
    }

    @AfterAll
    void stopEmulator() {
        if (aws != null) {
            aws.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected TrainingBackend backend() {
        return backend;
    }

    @Override
    protected TrainingBackend anotherBackendInstance() {
        return another;
    }

    @Override
    protected Storage storage() {
        return aws.storage();
    }

    @Override
    protected StorageUri root() {
        return StorageUri.s3(BUCKET, "contract/");
    }

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder()
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/drydock/scripted:latest"));
    }

    /** SageMaker reports "AlgorithmError: " and then the failure file, cut to FailureReason's 1024 characters. */
    @Override
    protected boolean failureReasonIsExactlyTheFailureFile() {
        return false;
    }

    /** A second backend over the same SageMaker and CloudWatch, as another process would build it. */
    private SageMakerTrainingBackend sageMakerBackend() {
        return SageMakerTrainingBackend.builder().sageMaker(sageMaker).logs(new CloudWatchLogReader(cloudWatch))
                .defaultRoleArn(ROLE).region("us-east-1").build();
    }

    /** {@code java -cp <testkit>:<container-contract> ScriptedContainer}, with flags that make a tiny JVM start fast. */
    static List<String> scriptedContainerCommand() {
        return List.of(ChildProcessTrainingBackend.Builder.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xss512k", "-cp", ScriptedContainer.classPathArgument(),
                ScriptedContainer.class.getName());
    }
}
