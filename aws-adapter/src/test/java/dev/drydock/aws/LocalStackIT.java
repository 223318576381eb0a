package dev.drydock.aws;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * S3 storage and the CloudWatch log reader against LocalStack (community image, S3 and Logs), started by
 * Testcontainers. Runs only where the pinned image is already present: it is never pulled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackIT {
    private LocalStackContainer localStack;
    private AwsBackend aws;

    @BeforeAll
    void start() {
        String reason = LocalStackImage.unavailableReason();
        assumeTrue(reason == null, () -> "LocalStack ITs skipped: " + reason);
        localStack = new LocalStackContainer(LocalStackImage.IMAGE).withServices("s3", "logs")
                .withImagePullPolicy(image -> false);
        localStack.start();
        aws = AwsBackend.builder().region(localStack.getRegion())
                .credentials(localStack.getAccessKey(), localStack.getSecretKey())
                .endpointOverride(AwsService.S3, localStack.getEndpoint())
                .endpointOverride(AwsService.LOGS, localStack.getEndpoint())
                .pathStyleAccess(true).createMissingBuckets(true).build();
    }

    @AfterAll
    void stop() {
        if (aws != null) {
            aws.close();
        }
        if (localStack != null) {
            localStack.stop();
        }
    }

    @Test
    void storage_whenFolderPutAndGot_roundTrips(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(tmp.resolve("in/a.csv"), "a,b\n");
        Files.writeString(tmp.resolve("in/sub/b.csv"), "c,d\n");

        aws.storage().put(tmp.resolve("in"), StorageUri.s3("drydock-localstack", "data/"));

        assertThat(aws.storage().list(StorageUri.s3("drydock-localstack", "data/"))).extracting(StorageObject::size).containsExactly(4L, 4L);
        aws.storage().get(StorageUri.s3("drydock-localstack", "data/"), tmp.resolve("out"));
        assertThat(tmp.resolve("out/sub/b.csv")).hasContent("c,d");
    }

    @Test
    void logs_whenStreamsWritten_readsThemInterleavedAndResumes() {
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.of(localStack.getRegion()))
                .endpointOverride(localStack.getEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
                .build()) {
            logs.createLogGroup(b -> b.logGroupName(CloudWatchLogReader.LOG_GROUP));
            long now = System.currentTimeMillis();
            for (int host = 1; host <= 2; host++) {
                String stream = "ls-job/algo-" + host + "-1700000000";
                logs.createLogStream(b -> b.logGroupName(CloudWatchLogReader.LOG_GROUP).logStreamName(stream));
                int h = host;
                logs.putLogEvents(b -> b.logGroupName(CloudWatchLogReader.LOG_GROUP).logStreamName(stream).logEvents(
                        InputLogEvent.builder().timestamp(now + h).message("first from algo-" + h).build(),
                        InputLogEvent.builder().timestamp(now + 10 + h).message("second from algo-" + h).build()));
            }
            CloudWatchLogReader reader = new CloudWatchLogReader(logs);

            LogPage page = reader.read("ls-job", LogCursor.START);
            LogPage again = reader.read("ls-job", page.next());

            assertThat(page.events()).extracting(LogEvent::message).containsExactly("first from algo-1", "first from algo-2",
                    "second from algo-1", "second from algo-2");
            assertThat(again.events()).isEmpty();
            assertThat(JobName.of("ls-job").value()).isEqualTo("ls-job");
        }
    }
}
