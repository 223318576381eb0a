package dev.drydock.core.port;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.StorageUri;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The packed results of finished jobs: {@code model.tar.gz} (the container's {@code /opt/ml/model}) and
 * {@code output.tar.gz} ({@code /opt/ml/output/data}), at {@code {outputPath}/{jobName}/output/}.
 *
 * <p>Contract, for every adapter (see the testkit's {@code ArtifactStoreContractTest}):
 * <ul>
 *   <li>{@link #extract} unpacks safely: an entry that would land outside the target (a {@code ..} path, an
 *       absolute path, a link that escapes it, a hard link) or an archive larger than the configured limits throws
 *       {@link dev.drydock.core.error.UnsafeArchiveException}, and nothing of it is left in the target.</li>
 *   <li>A missing archive throws {@link dev.drydock.core.error.StorageObjectNotFoundException}.</li>
 *   <li>The target folder is created if absent; extracting twice into the same folder gives the same files.</li>
 * </ul>
 */
public interface ArtifactStore {

    /** Downloads the archive at {@code archive} to the file {@code target} as it is. */
    Path download(StorageUri archive, Path target);

    /** Downloads and safely extracts the {@code .tar.gz} at {@code archive} into the folder {@code target}. */
    Path extract(StorageUri archive, Path target);

    /** Whether an archive exists at {@code archive}. */
    boolean exists(StorageUri archive);

    /**
     * Extracts a job's {@code model.tar.gz} into {@code target}: a completed job's, or the model a stopped job's
     * container saved before it ended.
     *
     * @throws dev.drydock.core.error.StorageObjectNotFoundException when the job has no model artifact
     */
    default Path extractModel(JobDescription job, Path target) {
        StorageUri model = job.modelArtifactIfAny().orElseThrow(() -> new dev.drydock.core.error.StorageObjectNotFoundException(
                "(model artifact of job " + job.name() + ")", "the job is " + job.state().wireName()
                        + " and has no model.tar.gz; a Completed job has one, a Stopped job only if its"
                        + " container saved a model before it ended, a Failed job never"));
        return extract(model, target);
    }

    /** Extracts a job's {@code output.tar.gz} (beside its model) into {@code target}, if it has one. */
    default Optional<Path> extractOutput(JobDescription job, Path target) {
        Optional<StorageUri> output = job.modelArtifactIfAny().map(m -> siblingOf(m, "output.tar.gz"));
        if (output.isEmpty() || !exists(output.get())) {
            return Optional.empty();
        }
        return Optional.of(extract(output.get(), target));
    }

    private static StorageUri siblingOf(StorageUri uri, String name) {
        String key = uri.key();
        return new StorageUri(uri.scheme(), uri.bucket(), key.substring(0, key.lastIndexOf('/') + 1) + name);
    }
}
