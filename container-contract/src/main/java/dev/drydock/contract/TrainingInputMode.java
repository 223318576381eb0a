package dev.drydock.contract;

/** How a channel's data reaches the container: {@code TrainingInputMode} in {@code inputdataconfig.json}. */
public enum TrainingInputMode {
    /** {@code File}. */
    FILE("File"),
    /** {@code Pipe}. */
    PIPE("Pipe"),
    /** {@code FastFile}. */
    FAST_FILE("FastFile");

    private final String wireName;

    TrainingInputMode(String wireName) {
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
    public static TrainingInputMode fromWire(String wireName, String where) {
        return WireNames.parse(TrainingInputMode.class, values(), TrainingInputMode::wireName, wireName, where);
    }
}
