package dev.drydock.aws;

import dev.drydock.core.error.Violations;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.tuning.CategoricalRange;
import dev.drydock.core.tuning.CompletionCriteria;
import dev.drydock.core.tuning.ContinuousRange;
import dev.drydock.core.tuning.IntegerRange;
import dev.drydock.core.tuning.ParameterRange;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobSpec;
import software.amazon.awssdk.services.sagemaker.model.BestObjectiveNotImproving;
import software.amazon.awssdk.services.sagemaker.model.CategoricalParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ConvergenceDetected;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterAlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjective;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobWarmStartConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperbandStrategyConfig;
import software.amazon.awssdk.services.sagemaker.model.IntegerParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.ParentHyperParameterTuningJob;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimits;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TuningJobCompletionCriteria;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@link TuningJobSpec} to SageMaker's CreateHyperParameterTuningJob request. The training job definition is
 * the training template mapped by {@link CreateTrainingJobMapper} (so that a trial's wire form is a training job's),
 * its hyperparameters sent as the static ones.
 */
final class CreateTuningJobMapper {
    private CreateTuningJobMapper() {
    }

    /** The request for {@code spec}, its trials run as {@code roleArn}, the tuning job tagged with {@code fingerprint}. */
    static CreateHyperParameterTuningJobRequest map(TuningJobSpec spec, String roleArn, String fingerprint) {
        TrainingJobSpec template = spec.trainingTemplate();
        Violations v = new Violations();
        // HyperParameterAlgorithmSpecification has no entrypoint or arguments: a trial would silently run without them.
        v.check(template.containerEntrypoint().isEmpty(), "trainingTemplate.containerEntrypoint", template.containerEntrypoint(),
                "must be empty for a SageMaker tuning job (its training job definition cannot carry one): bake it into the image");
        v.check(template.containerArguments().isEmpty(), "trainingTemplate.containerArguments", template.containerArguments(),
                "must be empty for a SageMaker tuning job (its training job definition cannot carry them): bake them into the image");
        v.throwIfAny();
        CreateTrainingJobRequest training = CreateTrainingJobMapper.map(template, roleArn, fingerprint);
        HyperParameterTrainingJobDefinition.Builder definition = HyperParameterTrainingJobDefinition.builder()
                .algorithmSpecification(HyperParameterAlgorithmSpecification.builder()
                        .trainingImage(training.algorithmSpecification().trainingImage())
                        .trainingInputMode(training.algorithmSpecification().trainingInputMode())
                        .metricDefinitions(training.algorithmSpecification().metricDefinitions()).build())
                .roleArn(training.roleArn())
                .inputDataConfig(training.inputDataConfig())
                .outputDataConfig(training.outputDataConfig())
                .resourceConfig(training.resourceConfig())
                .stoppingCondition(training.stoppingCondition())
                .enableManagedSpotTraining(training.enableManagedSpotTraining())
                .enableNetworkIsolation(training.enableNetworkIsolation())
                .enableInterContainerTrafficEncryption(training.enableInterContainerTrafficEncryption())
                .checkpointConfig(training.checkpointConfig())
                .vpcConfig(training.vpcConfig())
                .retryStrategy(training.retryStrategy());
        if (training.hasHyperParameters()) {
            definition.staticHyperParameters(training.hyperParameters());
        }
        if (training.hasEnvironment()) {
            definition.environment(training.environment());
        }
        HyperParameterTuningJobConfig.Builder config = HyperParameterTuningJobConfig.builder()
                .strategy(spec.strategy().wireName())
                .hyperParameterTuningJobObjective(HyperParameterTuningJobObjective.builder()
                        .type(spec.objective().type().wireName()).metricName(spec.objective().metricName()).build())
                .resourceLimits(ResourceLimits.builder()
                        .maxNumberOfTrainingJobs(spec.limits().maxTrainingJobs())
                        .maxParallelTrainingJobs(spec.limits().maxParallelTrainingJobs())
                        .maxRuntimeInSeconds(spec.limits().maxRuntimeIfAny().map(d -> (int) d.toSeconds()).orElse(null)).build())
                .parameterRanges(ranges(spec.ranges()))
                .trainingJobEarlyStoppingType(spec.earlyStopping().wireName())
                .randomSeed(spec.randomSeed());
        if (spec.hyperband() != null) {
            config.strategyConfig(HyperParameterTuningJobStrategyConfig.builder().hyperbandStrategyConfig(
                    HyperbandStrategyConfig.builder().minResource(spec.hyperband().minResource())
                            .maxResource(spec.hyperband().maxResource()).build()).build());
        }
        completion(spec.completion(), config);
        CreateHyperParameterTuningJobRequest.Builder request = CreateHyperParameterTuningJobRequest.builder()
                .hyperParameterTuningJobName(spec.name().value())
                .hyperParameterTuningJobConfig(config.build())
                .trainingJobDefinition(definition.build())
                .tags(tagsOf(training));
        spec.warmStartIfAny().ifPresent(w -> request.warmStartConfig(HyperParameterTuningJobWarmStartConfig.builder()
                .warmStartType(w.type().wireName())
                .parentHyperParameterTuningJobs(w.parents().stream().map(TuningJobName::value)
                        .map(p -> ParentHyperParameterTuningJob.builder().hyperParameterTuningJobName(p).build()).toList())
                .build()));
        return request.build();
    }

    private static ParameterRanges ranges(List<ParameterRange> ranges) {
        List<ContinuousParameterRange> continuous = new ArrayList<>();
        List<IntegerParameterRange> integer = new ArrayList<>();
        List<CategoricalParameterRange> categorical = new ArrayList<>();
        for (ParameterRange range : ranges) {
            if (range instanceof ContinuousRange c) {
                continuous.add(ContinuousParameterRange.builder().name(c.name()).minValue(Double.toString(c.min()))
                        .maxValue(Double.toString(c.max())).scalingType(c.scaling().wireName()).build());
            } else if (range instanceof IntegerRange i) {
                integer.add(IntegerParameterRange.builder().name(i.name()).minValue(Long.toString(i.min()))
                        .maxValue(Long.toString(i.max())).scalingType(i.scaling().wireName()).build());
            } else if (range instanceof CategoricalRange c) {
                categorical.add(CategoricalParameterRange.builder().name(c.name()).values(c.values()).build());
            }
        }
        return ParameterRanges.builder().continuousParameterRanges(continuous).integerParameterRanges(integer)
                .categoricalParameterRanges(categorical).build();
    }

    private static void completion(CompletionCriteria criteria, HyperParameterTuningJobConfig.Builder config) {
        if (criteria.targetObjectiveValue() == null && criteria.maxJobsNotImproving() == null && !criteria.completeOnConvergence()) {
            return;
        }
        TuningJobCompletionCriteria.Builder b = TuningJobCompletionCriteria.builder();
        if (criteria.targetObjectiveValue() != null) {
            b.targetObjectiveMetricValue(criteria.targetObjectiveValue().floatValue());
        }
        if (criteria.maxJobsNotImproving() != null) {
            b.bestObjectiveNotImproving(BestObjectiveNotImproving.builder()
                    .maxNumberOfTrainingJobsNotImproving(criteria.maxJobsNotImproving()).build());
        }
        if (criteria.completeOnConvergence()) {
            b.convergenceDetected(ConvergenceDetected.builder().completeOnConvergence("Enabled").build());
        }
        config.tuningJobCompletionCriteria(b.build());
    }

    /** The template's tags and the fingerprint tag go on the tuning job; SageMaker copies them to its trials. */
    private static List<Tag> tagsOf(CreateTrainingJobRequest training) {
        return training.tags();
    }
}
