package dev.drydock.trainer.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** Turns one raw column into one or more float features; fitted on training rows, saved with the model. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericFeature.class, name = "numeric"),
    @JsonSubTypes.Type(value = OrdinalFeature.class, name = "ordinal"),
    @JsonSubTypes.Type(value = OneHotFeature.class, name = "one_hot")
})
public sealed interface FeatureEncoder permits NumericFeature, OrdinalFeature, OneHotFeature {
    /** @return the raw column it reads */
    String column();

    /** @return the names of the features it writes, in order */
    List<String> featureNames();

    /**
     * @param raw the raw value (may be missing)
     * @param out the row being written
     * @param offset where this encoder's first feature goes
     */
    void encode(String raw, float[] out, int offset);
}
