package dev.drydock.contract;

/** Whether every host gets all of a channel or a share of its objects: {@code S3DistributionType}. */
public enum S3DistributionType {
    /** {@code FullyReplicated}. */
    FULLY_REPLICATED("FullyReplicated"),
    /** {@code ShardedByS3Key}. */
    SHARDED_BY_S3_KEY("ShardedByS3Key");

    private final String wireName;

    S3DistributionType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name in {@code inputdataconfig.json} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName the name in {@code inputdataconfig.json}
     * @param where the file and channel, for the error
     * @return the value
     * @throws TrainingException naming the value and the accepted names
     */
    public static S3DistributionType fromWire(String wireName, String where) {
        return WireNames.parse(S3DistributionType.class, values(), S3DistributionType::wireName, wireName, where);
    }
}
