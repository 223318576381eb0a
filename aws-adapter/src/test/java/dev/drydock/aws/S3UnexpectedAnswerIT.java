package dev.drydock.aws;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a user reads when an S3 endpoint answers with a status no S3 operation returns, over real HTTP: the SDK's own
 * exception for the answer, translated once by {@link AwsErrors}.
 */
class S3UnexpectedAnswerIT {
    private RecordingHttpServer server;
    private AwsBackend aws;

    @BeforeEach
    void start() {
        server = RecordingHttpServer.start();
        aws = AwsBackend.builder().region("us-east-1").credentials("test-access-key", "test-secret-key")
                .endpointOverride(AwsService.S3, server.endpoint()).pathStyleAccess(true)
                .policies(ResiliencePolicies.defaults().withSdkMaxAttempts(1)).build();
    }

    @AfterEach
    void stop() {
        aws.close();
        server.close();
    }

    @Test
    void putFolder_whenServerAnswers500WithoutBody_saysWhichFileAndTheStatusInOneSentence(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(folder.resolve("a.csv"), "x\n1\n");
        Files.writeString(folder.resolve("b.csv"), "x\n2\n");
        server.answer(500, Map.of(), "");

        DrydockException e = catchThrowableOfType(DrydockException.class, () -> aws.storage().put(folder, StorageUri.parse("s3://bucket/in/")));

        assertThat(e.getMessage()).startsWith("S3 failed on its side while uploading " + folder)
                .contains(", one of 2 files of folder " + folder + " that failed to reach s3://bucket/in/ (HTTP 500"
                        + " Internal Server Error)")
                .doesNotContain("  ").doesNotContain(" ()").doesNotContain("with  ");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void putFile_whenServerAnswers409WithAnS3Error_namesStatusCodeAndMessage(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a.csv"), "x\n1\n");
        server.answer(409, Map.of("Content-Type", "application/xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Error><Code>OperationAborted</Code><Message>A conflicting operation is in progress.</Message></Error>");

        DrydockException e = catchThrowableOfType(DrydockException.class, () -> aws.storage().put(file, StorageUri.parse("s3://bucket/in/a.csv")));

        assertThat(e.getMessage()).isEqualTo("S3 refused uploading " + file + " to s3://bucket/in/a.csv with HTTP 409"
                + " Conflict (OperationAborted): A conflicting operation is in progress.");
    }
}
