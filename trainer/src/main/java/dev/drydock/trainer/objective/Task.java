package dev.drydock.trainer.objective;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.preprocess.Preprocessor;
import dev.drydock.trainer.tuning.FoldScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model learns, fitted to the training rows: the {@link ObjectiveOptions} and, for a classifier, the
 * target's levels. It turns the target column into XGBoost labels, XGBoost's output into {@link Predictions}, and
 * scores cross-validation folds ({@link FoldScore}). Saved beside the model as {@code objective.json}, so that the
 * predictor names the classes; a model without that file is a regression model of the house-prices kind.
 *
 * @param options the objective, metric and weights
 * @param classes the target's levels in class order (empty for regression)
 */
public record Task(ObjectiveOptions options, List<String> classes) implements FoldScore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks that a classifier has its levels and a regression none. */
    public Task {
        classes = List.copyOf(classes);
        if (options.objective().isClassifier() != !classes.isEmpty()) {
            throw new IllegalArgumentException(options.objective().nativeName() + " with classes " + classes);
        }
    }

    /**
     * @param options what to learn
     * @param training the training rows, with the target
     * @param target the target column
     * @param idColumn the id column (for messages), or {@code null}
     * @return the task, a classifier's levels taken from {@code training}
     * @throws TrainingException when the target's levels do not fit the objective (three levels for a binary
     *     objective) or {@code num_class}
     */
    public static Task fit(ObjectiveOptions options, Table training, String target, String idColumn) {
        Objective objective = options.objective();
        if (!objective.isClassifier()) {
            return new Task(options, List.of());
        }
        if (!training.has(target)) {
            throw new TrainingException("target column \"" + target + "\" is missing from the training data;"
                    + " set the hyperparameter target to one of " + training.header());
        }
        ClassLevels levels = ClassLevels.fit(training, target, idColumn);
        String shown = levels.count() <= 10 ? levels.levels().toString()
                : levels.levels().subList(0, 10) + " and " + (levels.count() - 10) + " more";
        if (objective == Objective.BINARY_LOGISTIC && levels.count() != 2) {
            throw new TrainingException("hyperparameter objective=binary:logistic needs a target of two classes, but"
                    + " target column \"" + target + "\" has " + levels.count() + ": " + shown
                    + "; set objective=multi:softprob, or give the binary target");
        }
        if (objective == Objective.MULTI_SOFTPROB && levels.count() == 2) {
            throw new TrainingException("hyperparameter objective=multi:softprob: target column \"" + target
                    + "\" has two classes " + shown + "; set objective=binary:logistic");
        }
        if (options.numClass() != 0 && options.numClass() != levels.count()) {
            throw new TrainingException("hyperparameter num_class=" + options.numClass() + " but target column \""
                    + target + "\" has " + levels.count() + " classes in the training rows: " + shown
                    + "; remove num_class (it is inferred) or fix the data");
        }
        return new Task(options, levels.levels());
    }

    /** @return the objective */
    public Objective objective() {
        return options.objective();
    }

    /** @return the metric */
    public EvalMetric metric() {
        return options.metric();
    }

    /** @return the number of classes, 1 for regression */
    public int classCount() {
        return classes.isEmpty() ? 1 : classes.size();
    }

    /**
     * @param rows rows with the target
     * @param pre the preprocessing (which turns a regression target into labels)
     * @return the labels XGBoost learns: log(target) or the target for regression, the class index otherwise
     */
    public float[] labels(Table rows, Preprocessor pre) {
        if (classes.isEmpty()) {
            return pre.labels(rows);
        }
        return new ClassLevels(classes).indices(rows, pre.target(), pre.idColumn());
    }

    /**
     * @param rows rows with the target
     * @param pre the preprocessing
     * @return the true values as metrics take them: the target in its units, or the class index
     */
    public double[] actual(Table rows, Preprocessor pre) {
        if (classes.isEmpty()) {
            return pre.rawTarget(rows);
        }
        float[] labels = labels(rows, pre);
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /**
     * @param trainingLabels the labels of the rows a model is fitted on
     * @return their weights ({@code class_weights}), or {@code null} when every row weighs 1
     */
    public float[] weights(float[] trainingLabels) {
        return options.classWeights() == ClassWeights.NONE ? null
                : options.classWeights().weights(trainingLabels, classCount());
    }

    /** @return the XGBoost parameters of the objective: objective, num_class, its own parameters, eval_metric */
    public Map<String, Object> nativeParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", objective().nativeName());
        if (objective() == Objective.MULTI_SOFTPROB) {
            params.put("num_class", classCount());
        }
        if (objective() == Objective.TWEEDIE) {
            params.put("tweedie_variance_power", options.tweedieVariancePower());
        }
        if (options.scalePosWeight() != 1) {
            params.put("scale_pos_weight", options.scalePosWeight());
        }
        // A metric XGBoost lacks is computed from the predictions; the native one then only names the fit.
        params.put("eval_metric", xgboostMetric().orElse(objective().isClassifier()
                ? (classCount() > 2 ? "mlogloss" : "logloss") : "rmse"));
        return params;
    }

    /**
     * @param actual the true values (target units, or class indices)
     * @param output XGBoost's predictions for the same rows
     * @return both, as metrics take them: targets in their units, class probabilities
     */
    public Predictions predictions(double[] actual, float[][] output) {
        int k = classCount();
        double[] predicted;
        if (k > 2) {
            predicted = new double[output.length * k];
            for (int i = 0; i < output.length; i++) {
                for (int c = 0; c < k; c++) {
                    predicted[i * k + c] = output[i][c];
                }
            }
        } else {
            predicted = new double[output.length];
            for (int i = 0; i < output.length; i++) {
                predicted[i] = options.logTarget() ? Math.exp(output[i][0]) : output[i][0];
            }
        }
        return new Predictions(actual, predicted, null, k);
    }

    /**
     * @param p true values and predictions
     * @return the metric
     */
    public double score(Predictions p) {
        return metric().compute(p, options.tweedieVariancePower());
    }

    @Override
    public String name() {
        return metric().label();
    }

    @Override
    public Direction direction() {
        return metric().direction();
    }

    /** See {@link ObjectiveOptions#xgboostMetric(int)}. */
    @Override
    public Optional<String> xgboostMetric() {
        return options.xgboostMetric(classCount());
    }

    @Override
    public double fromXgboost(double value) {
        return metric() == EvalMetric.ACCURACY ? 1 - value : value;
    }

    @Override
    public double score(float[] labels, float[][] predictions) {
        double[] actual = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            actual[i] = options.logTarget() ? Math.exp(labels[i]) : labels[i];
        }
        return score(predictions(actual, predictions));
    }

    /**
     * @param file where to write {@code objective.json}
     * @throws IOException when it cannot be written
     */
    public void save(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * @param file an {@code objective.json} written by {@link #save}
     * @return the task
     * @throws IOException when it cannot be read or parsed
     */
    public static Task load(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Task.class);
    }
}
