package dev.drydock.trainer.tuning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration: a value for each searched XGBoost parameter.
 *
 * @param values value by parameter (parameters absent take XGBoost's defaults)
 */
public record ParamSet(Map<XGBoostParameter, Double> values) {
    /** Copies the values, ordered as the enum. */
    public ParamSet {
        EnumMap<XGBoostParameter, Double> copy = new EnumMap<>(XGBoostParameter.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** @return the number of boosting rounds, {@code n_estimators} */
    public int rounds() {
        Double n = values.get(XGBoostParameter.N_ESTIMATORS);
        return n == null ? 100 : n.intValue();
    }

    /** @return this configuration without {@code n_estimators}: the part that decides what a fit does per round */
    public ParamSet withoutRounds() {
        EnumMap<XGBoostParameter, Double> copy = new EnumMap<>(XGBoostParameter.class);
        copy.putAll(values);
        copy.remove(XGBoostParameter.N_ESTIMATORS);
        return new ParamSet(copy);
    }

    /**
     * @param rounds a round count
     * @return this configuration with {@code n_estimators = rounds}
     */
    public ParamSet withRounds(int rounds) {
        EnumMap<XGBoostParameter, Double> copy = new EnumMap<>(XGBoostParameter.class);
        copy.putAll(values);
        copy.put(XGBoostParameter.N_ESTIMATORS, (double) rounds);
        return new ParamSet(copy);
    }

    /**
     * @param gammaScale the factor from raw-target loss units to the learnt target's (see {@link XGBoostParameter})
     * @return the XGBoost-native parameters of this configuration (without the round count)
     */
    public Map<String, Object> toNative(double gammaScale) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (p.nativeName() == null) {
                return;
            }
            double value = p == XGBoostParameter.GAMMA ? v * gammaScale : v;
            out.put(p.nativeName(), p.integer() ? (Object) (int) value : (Object) value);
        });
        return out;
    }

    /** @return hyperparameter name to value, for reports */
    public Map<String, Double> byName() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p.hyperparameter(), v));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((p, v) -> sb.append(sb.length() == 0 ? "" : " ").append(p.hyperparameter()).append('=')
                .append(XGBoostParameter.format(v)));
        return sb.toString();
    }
}
