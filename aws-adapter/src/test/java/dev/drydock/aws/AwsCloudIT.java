package dev.drydock.aws;

import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against real AWS, only with {@code -Pcloud-tests}: needs credentials in the default chain and
 * {@code DRYDOCK_IT_REGION}, {@code DRYDOCK_IT_BUCKET} (an existing bucket) and {@code DRYDOCK_IT_ROLE_ARN}. Makes no
 * training job (it would cost money and minutes); deletes every object it writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCloudIT {
    private final String region = System.getenv("DRYDOCK_IT_REGION");
    private final String bucket = System.getenv("DRYDOCK_IT_BUCKET");
    private final String prefix = "drydock-cloud-it/" + UUID.randomUUID() + "/";
    private AwsBackend aws;

    @BeforeAll
    void configure() {
        assumeTrue(region != null && bucket != null, "set DRYDOCK_IT_REGION and DRYDOCK_IT_BUCKET (and AWS credentials)"
                + " to run the real-AWS tests");
        aws = AwsBackend.builder().region(region).bucket(bucket).roleArn(System.getenv("DRYDOCK_IT_ROLE_ARN")).build();
    }

    @AfterAll
    void cleanUp() {
        if (aws == null) {
            return;
        }
        try (S3Client s3 = S3Client.builder().region(software.amazon.awssdk.regions.Region.of(region)).build()) {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                    .forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
        }
        aws.close();
    }

    @Test
    void storage_whenFolderPut_listsAndGetsItBack(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(tmp.resolve("in/a.txt"), "A");
        Files.writeString(tmp.resolve("in/sub/b.txt"), "B");

        aws.storage().put(tmp.resolve("in"), aws.location(prefix + "data/"));

        assertThat(aws.storage().list(aws.location(prefix))).extracting(StorageObject::uri)
                .containsExactly(StorageUri.s3(bucket, prefix + "data/a.txt"), StorageUri.s3(bucket, prefix + "data/sub/b.txt"));
        assertThat(aws.storage().get(aws.location(prefix + "data/"), tmp.resolve("out")).resolve("sub/b.txt")).hasContent("B");
    }

    @Test
    void sageMaker_whenJobUnknown_throwsJobNotFoundAndListWorks() {
        assertThatThrownBy(() -> aws.trainingBackend().describe(JobName.of("drydock-no-such-job-" + UUID.randomUUID().toString().substring(0, 8))))
                .isInstanceOf(JobNotFoundException.class);
        assertThat(aws.trainingBackend().list(5)).hasSizeLessThanOrEqualTo(5);
    }
}
