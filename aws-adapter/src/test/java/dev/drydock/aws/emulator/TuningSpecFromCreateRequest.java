package dev.drydock.aws.emulator;

import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.tuning.CategoricalRange;
import dev.drydock.core.tuning.CompletionCriteria;
import dev.drydock.core.tuning.ContinuousRange;
import dev.drydock.core.tuning.EarlyStopping;
import dev.drydock.core.tuning.IntegerRange;
import dev.drydock.core.tuning.Objective;
import dev.drydock.core.tuning.ObjectiveType;
import dev.drydock.core.tuning.ScalingType;
import dev.drydock.core.tuning.TuningJobSpec;
import dev.drydock.core.tuning.TuningStrategy;
import dev.drydock.core.tuning.WarmStartType;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.ParentHyperParameterTuningJob;
import software.amazon.awssdk.services.sagemaker.model.TuningJobCompletionCriteria;

import java.time.Duration;

/**
 * Reads a CreateHyperParameterTuningJob request back into the {@link TuningJobSpec} the emulator runs: the reverse of
 * the production {@code CreateTuningJobMapper}, written from the API reference. The training job definition is read
 * as the CreateTrainingJob request a trial would be, by {@link SpecFromCreateRequest}. Ranges come back grouped by kind
 * (continuous, integer, categorical), as the wire groups them.
 */
public final class TuningSpecFromCreateRequest {
    private TuningSpecFromCreateRequest() {
    }

    /** The tuning spec {@code r} describes. */
    public static TuningJobSpec read(CreateHyperParameterTuningJobRequest r) {
        if (r.hyperParameterTuningJobName() == null || r.hyperParameterTuningJobConfig() == null || r.trainingJobDefinition() == null) {
            throw ServiceErrors.validation("1 validation error detected: HyperParameterTuningJobName, HyperParameterTuningJobConfig"
                    + " and TrainingJobDefinition are required");
        }
        HyperParameterTuningJobConfig config = r.hyperParameterTuningJobConfig();
        TuningJobSpec.Builder b = TuningJobSpec.builder().name(r.hyperParameterTuningJobName())
                .strategy(TuningStrategy.fromWireName(config.strategyAsString()))
                .objective(new Objective(config.hyperParameterTuningJobObjective().metricName(),
                        ObjectiveType.fromWireName(config.hyperParameterTuningJobObjective().typeAsString())))
                .maxParallelTrainingJobs(config.resourceLimits().maxParallelTrainingJobs())
                .earlyStopping(config.trainingJobEarlyStoppingType() == null ? EarlyStopping.OFF
                        : EarlyStopping.fromWireName(config.trainingJobEarlyStoppingTypeAsString()))
                .trainingTemplate(template(r.hyperParameterTuningJobName(), r.trainingJobDefinition(), r));
        if (config.resourceLimits().maxNumberOfTrainingJobs() != null) {
            b.maxTrainingJobs(config.resourceLimits().maxNumberOfTrainingJobs());
        }
        if (config.resourceLimits().maxRuntimeInSeconds() != null) {
            b.maxRuntime(Duration.ofSeconds(config.resourceLimits().maxRuntimeInSeconds()));
        }
        if (config.randomSeed() != null) {
            b.randomSeed(config.randomSeed());
        }
        if (config.strategyConfig() != null && config.strategyConfig().hyperbandStrategyConfig() != null) {
            b.hyperband(config.strategyConfig().hyperbandStrategyConfig().minResource(),
                    config.strategyConfig().hyperbandStrategyConfig().maxResource());
        }
        ParameterRanges ranges = config.parameterRanges();
        if (ranges != null) {
            ranges.continuousParameterRanges().forEach(c -> b.range(new ContinuousRange(c.name(), Double.parseDouble(c.minValue()),
                    Double.parseDouble(c.maxValue()), scaling(c.scalingTypeAsString()))));
            ranges.integerParameterRanges().forEach(i -> b.range(new IntegerRange(i.name(), Long.parseLong(i.minValue()),
                    Long.parseLong(i.maxValue()), scaling(i.scalingTypeAsString()))));
            ranges.categoricalParameterRanges().forEach(c -> b.range(new CategoricalRange(c.name(), c.values())));
        }
        TuningJobCompletionCriteria completion = config.tuningJobCompletionCriteria();
        if (completion != null) {
            CompletionCriteria criteria = CompletionCriteria.none();
            if (completion.targetObjectiveMetricValue() != null) {
                criteria = criteria.withTarget(completion.targetObjectiveMetricValue().doubleValue());
            }
            if (completion.bestObjectiveNotImproving() != null) {
                criteria = criteria.withMaxJobsNotImproving(completion.bestObjectiveNotImproving().maxNumberOfTrainingJobsNotImproving());
            }
            if (completion.convergenceDetected() != null) {
                criteria = criteria.withCompleteOnConvergence("Enabled".equals(completion.convergenceDetected().completeOnConvergenceAsString()));
            }
            b.completion(criteria);
        }
        if (r.warmStartConfig() != null) {
            b.warmStart(WarmStartType.fromWireName(r.warmStartConfig().warmStartTypeAsString()),
                    r.warmStartConfig().parentHyperParameterTuningJobs().stream()
                            .map(ParentHyperParameterTuningJob::hyperParameterTuningJobName).toList());
        }
        return b.build();
    }

    private static ScalingType scaling(String wire) {
        return wire == null ? ScalingType.AUTO : ScalingType.fromWireName(wire);
    }

    /** The definition as the CreateTrainingJob request of a trial named after the tuning job, read as one. */
    private static TrainingJobSpec template(String name, HyperParameterTrainingJobDefinition d, CreateHyperParameterTuningJobRequest r) {
        if (d.algorithmSpecification() == null) {
            throw ServiceErrors.validation("TrainingJobDefinition.AlgorithmSpecification is required");
        }
        CreateTrainingJobRequest.Builder training = CreateTrainingJobRequest.builder()
                .trainingJobName(name)
                .roleArn(d.roleArn())
                .algorithmSpecification(AlgorithmSpecification.builder().trainingImage(d.algorithmSpecification().trainingImage())
                        .trainingInputMode(d.algorithmSpecification().trainingInputModeAsString())
                        .metricDefinitions(d.algorithmSpecification().metricDefinitions()).build())
                .inputDataConfig(d.inputDataConfig())
                .outputDataConfig(d.outputDataConfig())
                .resourceConfig(d.resourceConfig())
                .stoppingCondition(d.stoppingCondition())
                .enableManagedSpotTraining(d.enableManagedSpotTraining())
                .enableNetworkIsolation(d.enableNetworkIsolation())
                .enableInterContainerTrafficEncryption(d.enableInterContainerTrafficEncryption())
                .checkpointConfig(d.checkpointConfig())
                .vpcConfig(d.vpcConfig())
                .retryStrategy(d.retryStrategy())
                .tags(r.tags());
        if (d.hasStaticHyperParameters()) {
            training.hyperParameters(d.staticHyperParameters());
        }
        if (d.hasEnvironment()) {
            training.environment(d.environment());
        }
        return SpecFromCreateRequest.read(training.build());
    }
}
