package dev.drydock.aws;

import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.ThrottledException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one place where the AWS backend's calls are retried and rate-limited: a decorator around any
 * {@link TrainingBackend} (normally {@link SageMakerTrainingBackend}), built from {@link ResiliencePolicies}.
 *
 * <ul>
 *   <li>describe, list, readLogs and stop are retried on {@link ThrottledException} (throttling and limit-exceeded
 *       answers that outlasted the SDK's own retries) with exponential backoff and jitter; they are safe to repeat.</li>
 *   <li>describe and readLogs (the calls a wait loop repeats) share a rate limiter.</li>
 *   <li>submit is retried on throttling and on an unavailable backend only because it is idempotent by job name: a
 *       retry that finds its own job returns it.</li>
 *   <li>Nothing else is retried: transient HTTP errors were already retried by the SDK, and other errors do not go
 *       away by repeating the call.</li>
 * </ul>
 */
public final class ResilientTrainingBackend implements TrainingBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientTrainingBackend.class);

    private final TrainingBackend delegate;
    private final Retry reads;
    private final Retry submits;
    private final RateLimiter polls;

    /** {@code delegate} wrapped with {@code policies}. */
    public ResilientTrainingBackend(TrainingBackend delegate, ResiliencePolicies policies) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(policies, "policies");
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(policies.initialBackoff(),
                policies.multiplier(), policies.jitter(), policies.maxBackoff());
        this.reads = Retry.of("aws-reads", RetryConfig.custom()
                .maxAttempts(policies.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(e -> e instanceof ThrottledException)
                .failAfterMaxAttempts(false)
                .build());
        this.submits = Retry.of("aws-submit", RetryConfig.custom()
                .maxAttempts(policies.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(e -> e instanceof ThrottledException || e instanceof BackendUnavailableException)
                .build());
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / policies.pollsPerSecond()));
        this.polls = RateLimiter.of("aws-polls", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(policies.rateLimitWait())
                .build());
        reads.getEventPublisher().onRetry(e -> LOG.info("AWS throttled a read ({}); retry {} in {} ms",
                e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
        submits.getEventPublisher().onRetry(e -> LOG.info("submit failed ({}); retry {} in {} ms (submit is idempotent by name)",
                e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
    }

    /** The backend this decorator wraps. */
    public TrainingBackend delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public JobDescription submit(TrainingJobSpec spec) {
        return Retry.decorateSupplier(submits, () -> delegate.submit(spec)).get();
    }

    @Override
    public void check(TrainingJobSpec spec) {
        delegate.check(spec);
    }

    @Override
    public JobDescription describe(JobName name) {
        return read(() -> polled(() -> delegate.describe(name)));
    }

    @Override
    public LogPage readLogs(JobName name, LogCursor cursor) {
        return read(() -> polled(() -> delegate.readLogs(name, cursor)));
    }

    @Override
    public void stop(JobName name) {
        read(() -> {
            delegate.stop(name);
            return null;
        });
    }

    @Override
    public List<JobSummary> list(int max) {
        return read(() -> delegate.list(max));
    }

    private <T> T read(Supplier<T> call) {
        return Retry.decorateSupplier(reads, call).get();
    }

    private <T> T polled(Supplier<T> call) {
        try {
            return RateLimiter.decorateSupplier(polls, call).get();
        } catch (RequestNotPermitted e) {
            throw new ThrottledException("drydock's own polling rate limit allowed no call in time; lower the number of"
                    + " jobs waited on at once or raise pollsPerSecond", e);
        }
    }
}
