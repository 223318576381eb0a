package dev.drydock.aws;

import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.ThrottledException;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobSpec;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The retry policy of the AWS tuning backend, as {@link ResilientTrainingBackend}'s for training: describe and stop
 * are retried on {@link ThrottledException} (they are safe to repeat); submit on throttling and an unavailable backend
 * only because it is idempotent by name (a retry that finds its own tuning job returns it). Nothing else.
 */
public final class ResilientTuningBackend implements TuningBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientTuningBackend.class);

    private final TuningBackend delegate;
    private final Retry reads;
    private final Retry submits;

    /** {@code delegate} wrapped with {@code policies}. */
    public ResilientTuningBackend(TuningBackend delegate, ResiliencePolicies policies) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(policies.initialBackoff(),
                policies.multiplier(), policies.jitter(), policies.maxBackoff());
        this.reads = Retry.of("aws-tuning-reads", RetryConfig.custom().maxAttempts(policies.maxAttempts())
                .intervalFunction(backoff).retryOnException(e -> e instanceof ThrottledException).build());
        this.submits = Retry.of("aws-tuning-submit", RetryConfig.custom().maxAttempts(policies.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(e -> e instanceof ThrottledException || e instanceof BackendUnavailableException).build());
        reads.getEventPublisher().onRetry(e -> LOG.info("AWS throttled a tuning read ({}); retry {} in {} ms",
                e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
        submits.getEventPublisher().onRetry(e -> LOG.info("tuning submit failed ({}); retry {} in {} ms (idempotent by name)",
                e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TuningJobDescription submit(TuningJobSpec spec) {
        return Retry.decorateSupplier(submits, () -> delegate.submit(spec)).get();
    }

    @Override
    public TuningJobDescription describe(TuningJobName name) {
        return Retry.decorateSupplier(reads, () -> delegate.describe(name)).get();
    }

    @Override
    public void stop(TuningJobName name) {
        Retry.decorateRunnable(reads, () -> delegate.stop(name)).run();
    }
}
