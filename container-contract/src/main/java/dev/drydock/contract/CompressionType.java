package dev.drydock.contract;

/** Whether the channel's objects are gzip-compressed: {@code CompressionType}. */
public enum CompressionType {
    /** {@code None}. */
    NONE("None"),
    /** {@code Gzip}. */
    GZIP("Gzip");

    private final String wireName;

    CompressionType(String wireName) {
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
    public static CompressionType fromWire(String wireName, String where) {
        return WireNames.parse(CompressionType.class, values(), CompressionType::wireName, wireName, where);
    }
}
