package dev.drydock.trainer.preprocess;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The feature engineering steps that carry over to any tabular data set, each fitted on training rows only.
 *
 * @param derived totals and ages computed from named columns, added before type inference
 * @param minLevelCount a categorical level seen on fewer training rows than this is merged into one
 *     {@value OneHotFeature#RARE_LEVEL} level (1: none merged)
 * @param skewThreshold a numeric feature whose training skewness exceeds this (and that is never negative) is
 *     log1p-transformed for the linear model; the trees see it unchanged
 */
public record FeatureEngineering(List<DerivedColumn> derived, int minLevelCount, double skewThreshold) {
    /** Validates and copies. */
    public FeatureEngineering {
        derived = List.copyOf(derived);
        if (minLevelCount < 1) {
            throw new IllegalArgumentException("minLevelCount " + minLevelCount + " must be at least 1");
        }
        if (!(skewThreshold >= 0)) {
            throw new IllegalArgumentException("skewThreshold " + skewThreshold + " must be a number >= 0");
        }
        Set<String> names = new HashSet<>();
        for (DerivedColumn d : derived) {
            if (!names.add(Objects.requireNonNull(d, "derived column").name())) {
                throw new IllegalArgumentException("derived column " + d.name() + " is declared twice");
            }
        }
    }

    /** @return no derived column, no level merged, the default skew threshold */
    public static FeatureEngineering none() {
        return new FeatureEngineering(List.of(), 1, DEFAULT_SKEW_THRESHOLD);
    }

    /** The usual threshold of "highly skewed" in tabular practice: |skewness| above 0.75. */
    public static final double DEFAULT_SKEW_THRESHOLD = 0.75;
}
