package dev.drydock.local.docker;

import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.job.StorageModelPublisher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Docker-only builder settings; building contacts no daemon. */
class DockerTrainingBackendBuilderTest {

    @Test
    void memoryLimit_whenNotASize_rejectsNamingFieldValueAndRule() {
        assertThatThrownBy(() -> DockerTrainingBackend.builder().memoryLimit("64 megs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimit")
                .hasMessageContaining("\"64 megs\"").hasMessageContaining("512m or 2g");
    }

    @Test
    void memoryLimit_whenBelowDockersMinimum_rejects() {
        assertThatThrownBy(() -> DockerTrainingBackend.builder().memoryLimit(1024L * 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimit must be at least 6 MiB")
                .hasMessageContaining("1048576 bytes");
    }

    @Test
    void build_whenMemoryLimitValid_builds() {
        DirectoryStorageFake storage = new DirectoryStorageFake();

        assertThat(DockerTrainingBackend.builder().storage(storage).modelPublisher(new StorageModelPublisher(storage))
                .memoryLimit("64m").build()).isNotNull();
    }

    @Test
    void mentionsJvmOutOfMemory_whenTheJvmReportsIt_isTrue() {
        assertThat(dev.drydock.local.job.FailureReasons.mentionsJvmOutOfMemory("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"))
                .isTrue();
        assertThat(dev.drydock.local.job.FailureReasons.mentionsJvmOutOfMemory("epoch 3 loss 0.1")).isFalse();
    }
}
