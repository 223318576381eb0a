package dev.drydock.core.tuning;

/** The maps between {@code [0, 1]} and a numeric range on each scale. */
final class Scales {
    private Scales() {
    }

    /** The scale {@link ScalingType#AUTO} stands for on {@code [min, max]}. */
    static ScalingType resolve(ScalingType scaling, double min, double max) {
        if (scaling != ScalingType.AUTO) {
            return scaling;
        }
        return min > 0 && max / min >= 100 ? ScalingType.LOGARITHMIC : ScalingType.LINEAR;
    }

    static double toValue(ScalingType scaling, double min, double max, double u) {
        double t = Math.min(1, Math.max(0, u));
        switch (resolve(scaling, min, max)) {
            case LOGARITHMIC:
                return Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)));
            case REVERSE_LOGARITHMIC:
                return 1 - Math.exp(Math.log(1 - min) + t * (Math.log(1 - max) - Math.log(1 - min)));
            case LINEAR:
            case AUTO:
            default:
                return min + t * (max - min);
        }
    }

    static double toPosition(ScalingType scaling, double min, double max, double value) {
        if (max == min) {
            return 0.5;
        }
        double u;
        switch (resolve(scaling, min, max)) {
            case LOGARITHMIC:
                u = (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
                break;
            case REVERSE_LOGARITHMIC:
                u = (Math.log(1 - value) - Math.log(1 - min)) / (Math.log(1 - max) - Math.log(1 - min));
                break;
            case LINEAR:
            case AUTO:
            default:
                u = (value - min) / (max - min);
        }
        return Math.min(1, Math.max(0, u));
    }
}
