package dev.drydock.local.job;

import dev.drydock.core.model.TrainingJobSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a launcher needs to start one host.
 *
 * @param spec        the job's spec
 * @param host        this host's name ({@code algo-1} ..)
 * @param hosts       every host of the job, sorted
 * @param folder      this host's {@code /opt/ml} tree on the local disk
 * @param environment the variables the platform sets ({@code TRAINING_JOB_NAME}, {@code TRAINING_JOB_ARN}) plus the
 *                    spec's environment
 * @param sink        where the host's output lines go
 */
public record HostLaunch(TrainingJobSpec spec, String host, List<String> hosts, HostFolder folder,
                         Map<String, String> environment, LogSink sink) {
    /** Validates the fields. */
    public HostLaunch {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(host, "host");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(folder, "folder");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(sink, "sink");
    }
}
