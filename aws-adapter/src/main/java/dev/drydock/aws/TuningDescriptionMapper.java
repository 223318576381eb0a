package dev.drydock.aws;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.tuning.Objective;
import dev.drydock.core.tuning.ObjectiveType;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobStatus;
import dev.drydock.core.tuning.TuningStrategy;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;

import java.time.Instant;
import java.util.List;

/** Maps SageMaker's tuning job answers to drydock's {@link TuningJobDescription}. */
final class TuningDescriptionMapper {
    private TuningDescriptionMapper() {
    }

    static TuningJobDescription map(DescribeHyperParameterTuningJobResponse d, List<HyperParameterTrainingJobSummary> trials,
                                    boolean earlyStopping) {
        HyperParameterTuningJobConfig config = d.hyperParameterTuningJobConfig();
        Objective objective = new Objective(config.hyperParameterTuningJobObjective().metricName(),
                ObjectiveType.fromWireName(config.hyperParameterTuningJobObjective().typeAsString()));
        Integer max = config.resourceLimits().maxNumberOfTrainingJobs();
        // SageMaker names only convergence among the reasons a tuning job ended; the others are left unsaid.
        String endReason = d.tuningJobCompletionDetails() != null && d.tuningJobCompletionDetails().convergenceDetectedTime() != null
                ? "ConvergenceDetected" : null;
        return new TuningJobDescription(TuningJobName.of(d.hyperParameterTuningJobName()), d.hyperParameterTuningJobArn(),
                TuningJobStatus.fromWireName(d.hyperParameterTuningJobStatusAsString()),
                TuningStrategy.fromWireName(config.strategyAsString()), objective,
                max == null ? trials.size() : max, trials.stream().map(t -> trial(t, earlyStopping)).toList(),
                d.creationTime(), d.hyperParameterTuningEndTime(), endReason, d.failureReason());
    }

    /**
     * A trial. SageMaker says a trial was stopped, not who stopped it: with early stopping on (or Hyperband) a Stopped
     * trial of a tuning job nobody stopped is taken as stopped by the tuner.
     */
    static TrialSummary trial(HyperParameterTrainingJobSummary t, boolean earlyStopping) {
        JobState state = JobState.fromWireName(t.trainingJobStatusAsString());
        Double objective = t.finalHyperParameterTuningJobObjectiveMetric() == null ? null
                : t.finalHyperParameterTuningJobObjectiveMetric().value().doubleValue();
        Instant created = t.creationTime() != null ? t.creationTime() : Instant.EPOCH;
        return new TrialSummary(JobName.of(t.trainingJobName()), t.tunedHyperParameters(), state, objective, List.of(),
                earlyStopping && state == JobState.STOPPED, created, t.trainingEndTime(), t.failureReason());
    }
}
