package dev.drydock.trainer.output;

/** The names of the files in the model folder ({@code /opt/ml/model}, shipped as {@code model.tar.gz}). */
public final class ModelFiles {
    /** The booster in XGBoost's own JSON format, loadable by any XGBoost binding. */
    public static final String MODEL = "xgboost-model.json";
    /** The fitted preprocessing, applied unchanged at prediction. */
    public static final String PREPROCESSING = "preprocessing.json";
    /** The objective, its metric and a classifier's levels ({@link dev.drydock.trainer.objective.Task}). */
    public static final String OBJECTIVE = "objective.json";
    /** CV and hold-out metric ({@code cv_rmsle} by default), best parameters, every trial. */
    public static final String METRICS = "metrics.json";
    /** Versions, seed and input checksums. */
    public static final String PROVENANCE = "provenance.json";
    /** Every trial as CSV, in the output data folder. */
    public static final String TRIALS_CSV = "trials.csv";
    /** The tuning report, in the output data folder. */
    public static final String REPORT_HTML = "tuning-report.html";

    private ModelFiles() {
    }
}
