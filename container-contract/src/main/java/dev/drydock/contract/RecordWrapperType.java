package dev.drydock.contract;

/** Whether records come wrapped in RecordIO: {@code RecordWrapperType}. */
public enum RecordWrapperType {
    /** {@code None}. */
    NONE("None"),
    /** {@code RecordIO}. */
    RECORD_IO("RecordIO");

    private final String wireName;

    RecordWrapperType(String wireName) {
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
    public static RecordWrapperType fromWire(String wireName, String where) {
        return WireNames.parse(RecordWrapperType.class, values(), RecordWrapperType::wireName, wireName, where);
    }
}
