package dev.drydock.core;

import dev.drydock.core.error.Violation;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobNotFoundException;
import dev.drydock.core.tuning.TuningJobSpec;

import java.util.List;

/**
 * {@link Drydock#tune}: the training workflow's preparation (validate all, image, uploads) done once for the whole
 * tuning job, the inputs staged under the tuning job's name, then the tuning job submitted.
 */
final class TuningWorkflow {
    private TuningWorkflow() {
    }

    static TuningJobSpec prepare(Drydock drydock, TuningBackend tuning, TuningRequest request) {
        TrainingRequest training = request.training();
        TrainingJobSpec.Builder spec = training.specTemplate();
        if (!spec.hasOutputPath()) {
            spec.outputPath(drydock.outputPath());
        }
        Violations v = new Violations();
        v.check(training.jobName().isEmpty(), "training.jobName", training.jobName().orElse(null),
                "must not be set for a tuning job: its trials are named <tuning-job>-NNN-<hash>; name the tuning job instead");
        v.check(!spec.hasName(), "training.spec.name", null, "must not be set: trials are named after the tuning job");
        v.check(!spec.hasImage(), "training.spec.image", null, "must not be set in the spec: the image is TrainingRequest.image");
        for (TrainingRequest.LocalInput input : training.localInputs()) {
            v.check(!spec.channelNames().contains(input.channelName()), "training.channels." + input.channelName(),
                    input.path(), "is both a local input and a channel of the spec: keep one of them");
        }
        TuningJobSpec.Builder tuningSpec = request.tuningTemplate();
        String base = training.baseJobName().orElse(training.image().reference().repository());
        TuningJobName name = tuningSpec.nameIfAny().isPresent()
                ? v.collect("", () -> TuningJobName.of(tuningSpec.nameIfAny().get()))
                : TuningJobName.generate(base);
        TuningJobName planned = name != null ? name : TuningJobName.generate("invalid");
        tuningSpec.name(planned.value());
        // The template is named after the tuning job; each trial replaces the name with its own.
        spec.name(JobName.of(planned.value()));
        List<Drydock.Upload> uploads = drydock.planUploads(JobName.of(planned.value()), training.localInputs(), spec, v);
        spec.image(training.image().reference());
        TrainingJobSpec template = v.collect("training", spec::build);
        tuningSpec.trainingTemplate(template);
        Violations tuningFaults = new Violations();
        tuningFaults.collect("", tuningSpec::build);
        for (Violation fault : tuningFaults.list()) {
            // A template that did not build is reported above, in its own terms.
            if (template != null || !fault.field().equals("trainingTemplate")) {
                v.add(fault.field(), fault.value(), fault.rule());
            }
        }
        v.throwIfAny();

        boolean exists = exists(tuning, planned);
        spec.image(drydock.prepareImage(training.image()));
        if (!exists) {
            // A tuning job that exists keeps its staged inputs: a resubmit (a resume) must train on what it trained on.
            for (Drydock.Upload upload : uploads) {
                drydock.storage().put(upload.path(), upload.target());
            }
        }
        return tuningSpec.trainingTemplate(spec.build()).build();
    }

    private static boolean exists(TuningBackend tuning, TuningJobName name) {
        try {
            TuningJobDescription d = tuning.describe(name);
            return d != null;
        } catch (TuningJobNotFoundException e) {
            return false;
        }
    }
}
