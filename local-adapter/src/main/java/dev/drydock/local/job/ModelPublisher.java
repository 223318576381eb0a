package dev.drydock.local.job;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;

import java.nio.file.Path;

/**
 * Stores a job's results (a completed job's, or what a stopped job's container saved): packs {@code /opt/ml/model}
 * into {@code model.tar.gz} (and a non-empty {@code /opt/ml/output/data} into {@code output.tar.gz}) at
 * {@code {outputPath}/{jobName}/output/}.
 */
public interface ModelPublisher {

    /**
     * Checks before the job starts that results can be stored at {@code outputPath}; throws
     * {@link dev.drydock.core.error.InvalidInputException} or {@link dev.drydock.core.error.AccessDeniedException}
     * naming the path and the fix.
     */
    void checkWritable(StorageUri outputPath);

    /**
     * Packs and stores the results.
     *
     * @return where {@code model.tar.gz} was stored ({@link TrainingJobSpec#modelArtifactUri()})
     */
    StorageUri publish(TrainingJobSpec spec, Path modelFolder, Path outputDataFolder);
}
