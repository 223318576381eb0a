package dev.drydock.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One channel's entry in {@code inputdataconfig.json}, with every field SageMaker sends.
 *
 * @param name the channel name (the folder under {@code /opt/ml/input/data}), {@value #NAME_RULE}
 * @param contentType the declared MIME type, or {@code null} when the job gave none (SageMaker then omits the key)
 * @param inputMode {@code TrainingInputMode}; {@code File} when the file omits it
 * @param distribution {@code S3DistributionType}; {@code FullyReplicated} when omitted
 * @param recordWrapper {@code RecordWrapperType}; {@code None} when omitted
 * @param compression {@code CompressionType}; {@code None} when omitted
 */
public record ChannelConfig(String name, String contentType, TrainingInputMode inputMode,
        S3DistributionType distribution, RecordWrapperType recordWrapper, CompressionType compression) {

    /** SageMaker's rule for a channel name. */
    public static final String NAME_RULE = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern NAME = Pattern.compile(NAME_RULE);

    /** Validates the name and fills SageMaker's defaults for absent fields. */
    public ChannelConfig {
        requireName(name);
        inputMode = inputMode == null ? TrainingInputMode.FILE : inputMode;
        distribution = distribution == null ? S3DistributionType.FULLY_REPLICATED : distribution;
        recordWrapper = recordWrapper == null ? RecordWrapperType.NONE : recordWrapper;
        compression = compression == null ? CompressionType.NONE : compression;
    }

    /**
     * @param name a channel name
     * @return a channel of that name with SageMaker's defaults: no content type, File, FullyReplicated, None, None
     */
    public static ChannelConfig named(String name) {
        return new ChannelConfig(name, null, null, null, null, null);
    }

    /** @return whether each host receives only its share of the channel's objects ({@code ShardedByS3Key}) */
    public boolean isSharded() {
        return distribution == S3DistributionType.SHARDED_BY_S3_KEY;
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "channel name");
        if (!NAME.matcher(name).matches()) {
            throw new TrainingException("channel name \"" + name + "\" must match " + NAME_RULE
                    + " (letters, digits, '.', '-', '_'; at most 64)");
        }
        return name;
    }

    /** The entry as {@code inputdataconfig.json} holds it; the content type only when set, as SageMaker does. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (contentType != null) {
            out.put("ContentType", contentType);
        }
        out.put("TrainingInputMode", inputMode.wireName());
        out.put("S3DistributionType", distribution.wireName());
        out.put("RecordWrapperType", recordWrapper.wireName());
        out.put("CompressionType", compression.wireName());
        return out;
    }

    static ChannelConfig fromJson(String name, Object value, String file) {
        String where = file + " channel \"" + name + "\"";
        Map<String, Object> o = ConfigFiles.asObject(value, where);
        String mode = ConfigFiles.text(o, "TrainingInputMode", where);
        String distribution = ConfigFiles.text(o, "S3DistributionType", where);
        String wrapper = ConfigFiles.text(o, "RecordWrapperType", where);
        String compression = ConfigFiles.text(o, "CompressionType", where);
        return new ChannelConfig(name, ConfigFiles.text(o, "ContentType", where),
                mode == null ? null : TrainingInputMode.fromWire(mode, where),
                distribution == null ? null : S3DistributionType.fromWire(distribution, where),
                wrapper == null ? null : RecordWrapperType.fromWire(wrapper, where),
                compression == null ? null : CompressionType.fromWire(compression, where));
    }
}
