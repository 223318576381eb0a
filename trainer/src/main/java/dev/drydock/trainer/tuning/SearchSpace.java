package dev.drydock.trainer.tuning;

import dev.drydock.contract.TrainingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A list of candidate values per XGBoost parameter; its configurations are the cartesian product, in a fixed
 * order (the enum's, the last parameter varying fastest).
 */
public final class SearchSpace {
    /** The most configurations a space may hold: every one is materialized before the search. */
    public static final int MAX_CONFIGURATIONS = 100_000;
    private final Map<XGBoostParameter, List<Double>> values;

    private SearchSpace(Map<XGBoostParameter, List<Double>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param lists values per parameter; parameters absent take their defaults
     * @return the space
     * @throws TrainingException when a list is empty or holds an invalid value
     */
    public static SearchSpace of(Map<XGBoostParameter, List<Double>> lists) {
        EnumMap<XGBoostParameter, List<Double>> out = new EnumMap<>(XGBoostParameter.class);
        for (XGBoostParameter p : XGBoostParameter.values()) {
            List<Double> list = lists.getOrDefault(p, p.defaults());
            if (list.isEmpty()) {
                throw new TrainingException("the search space is empty: hyperparameter " + p.hyperparameter()
                        + " has no values (give at least one, e.g. " + p.hyperparameter() + "="
                        + XGBoostParameter.format(p.defaults().get(0)) + ")");
            }
            for (double v : list) {
                p.check(v).ifPresent(reason -> {
                    throw new TrainingException("hyperparameter " + reason);
                });
            }
            out.put(p, List.copyOf(new LinkedHashSet<>(list)));
        }
        return new SearchSpace(out);
    }

    /** @return the reference's grid: 810 configurations */
    public static SearchSpace defaults() {
        return of(Map.of());
    }

    /** @return the values per parameter */
    public Map<XGBoostParameter, List<Double>> values() {
        return values;
    }

    /** @return the number of configurations */
    public int size() {
        long size = 1;
        for (List<Double> list : values.values()) {
            size *= list.size();
        }
        if (size > MAX_CONFIGURATIONS) {
            throw new TrainingException("the search space has " + size + " configurations; at most "
                    + MAX_CONFIGURATIONS + " are searched (each is held in memory): give fewer values per"
                    + " hyperparameter, and strategy=random with n_samples to try a sample of a large space");
        }
        return (int) size;
    }

    /** @return the largest {@code n_estimators} */
    public int maxRounds() {
        return values.get(XGBoostParameter.N_ESTIMATORS).stream().mapToInt(Double::intValue).max().orElseThrow();
    }

    /** @return every configuration in a fixed order */
    public List<ParamSet> all() {
        List<ParamSet> out = new ArrayList<>();
        List<XGBoostParameter> params = new ArrayList<>(values.keySet());
        int[] index = new int[params.size()];
        int total = size();
        for (int n = 0; n < total; n++) {
            EnumMap<XGBoostParameter, Double> config = new EnumMap<>(XGBoostParameter.class);
            for (int i = 0; i < params.size(); i++) {
                config.put(params.get(i), values.get(params.get(i)).get(index[i]));
            }
            out.add(new ParamSet(config));
            for (int i = params.size() - 1; i >= 0; i--) {
                if (++index[i] < values.get(params.get(i)).size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    /**
     * @param configs configurations
     * @param count how many to keep
     * @param seed the sampling seed
     * @return {@code count} of them drawn without replacement (all of them, in order, when count is not smaller),
     *     in their original order
     */
    public static List<ParamSet> sample(List<ParamSet> configs, int count, long seed) {
        if (count >= configs.size()) {
            return configs;
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        List<Integer> chosen = new ArrayList<>(indices.subList(0, count));
        Collections.sort(chosen);
        return chosen.stream().map(configs::get).toList();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
