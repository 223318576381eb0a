package dev.drydock.trainer.contract;

import java.util.Objects;

/**
 * One channel's entry in {@code inputdataconfig.json}.
 *
 * @param name the channel name (the folder under {@code /opt/ml/input/data})
 * @param contentType the declared content type, or {@code null} when the platform gave none
 * @param trainingInputMode {@code File}, {@code Pipe} or {@code FastFile} ({@code File} when absent)
 * @param s3DistributionType {@code FullyReplicated} or {@code ShardedByS3Key} ({@code FullyReplicated} when absent)
 * @param recordWrapperType {@code None} or {@code RecordIO} ({@code None} when absent)
 */
public record ChannelConfig(
        String name, String contentType, String trainingInputMode, String s3DistributionType, String recordWrapperType) {

    /** Validates the name and fills the platform's defaults for absent fields. */
    public ChannelConfig {
        Objects.requireNonNull(name, "name");
        trainingInputMode = trainingInputMode == null ? "File" : trainingInputMode;
        s3DistributionType = s3DistributionType == null ? "FullyReplicated" : s3DistributionType;
        recordWrapperType = recordWrapperType == null ? "None" : recordWrapperType;
    }
}
