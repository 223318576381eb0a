package dev.drydock.aws;

import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.error.ThrottledException;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ResilientTrainingBackend}: throttling bursts retried, other errors not, polling rate-limited. */
class ResilientTrainingBackendTest {
    private final FakeSageMakerClient sageMaker = new FakeSageMakerClient();
    private final FakeCloudWatchLogsClient logs = new FakeCloudWatchLogsClient();
    private final SageMakerTrainingBackend plain = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
            .logs(new CloudWatchLogReader(logs)).defaultRoleArn(SageMakerTrainingBackendTest.ROLE).build();
    private final ResilientTrainingBackend backend = new ResilientTrainingBackend(plain, SageMakerTrainingBackendTest.fastPolicies());

    @Test
    void describe_whenThrottlingBurst_retriesUntilItPasses() {
        plain.submit(SageMakerTrainingBackendTest.minimal("burst").build());
        sageMaker.throttle(5);

        assertThat(backend.describe(JobName.of("burst")).state()).isEqualTo(JobState.IN_PROGRESS);
    }

    @Test
    void describe_whenThrottledLongerThanPolicyAllows_throwsThrottled() {
        plain.submit(SageMakerTrainingBackendTest.minimal("sustained").build());
        sageMaker.throttle(100);

        assertThatThrownBy(() -> backend.describe(JobName.of("sustained"))).isInstanceOf(ThrottledException.class);
    }

    @Test
    void describe_whenJobUnknown_isNotRetried() {
        assertThatThrownBy(() -> backend.describe(JobName.of("unknown"))).isInstanceOf(JobNotFoundException.class);
        assertThat(sageMaker.describeCalls.get()).isEqualTo(1);
    }

    @Test
    void readLogs_whenThrottlingBurst_retriesAndReadsEverything() {
        plain.submit(SageMakerTrainingBackendTest.minimal("noisy").build());
        logs.append("noisy/algo-1-1700000000", 1_000, "line 1").append("noisy/algo-1-1700000000", 2_000, "line 2");
        logs.throttle(3);

        assertThat(backend.readLogs(JobName.of("noisy"), LogCursor.START).events()).hasSize(2);
    }

    @Test
    void list_whenThrottlingBurst_retries() {
        plain.submit(SageMakerTrainingBackendTest.minimal("listed").build());
        sageMaker.throttle(2);

        assertThat(backend.list(10)).hasSize(1);
    }

    @Test
    void submit_whenThrottled_retriesAsIdempotentByName() {
        sageMaker.throttle(2);

        assertThat(backend.submit(SageMakerTrainingBackendTest.minimal("throttled-submit").build()).name().value())
                .isEqualTo("throttled-submit");
        assertThat(sageMaker.creates).hasSize(1);
    }

    @Test
    void describe_whenPolledFast_isHeldToTheRateLimit() {
        plain.submit(SageMakerTrainingBackendTest.minimal("polled").build());
        ResilientTrainingBackend limited = new ResilientTrainingBackend(plain, ResiliencePolicies.defaults()
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).withPollsPerSecond(20));

        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limited.describe(JobName.of("polled"));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("11 polls at 20 per second take at least ~0.5 s").isGreaterThanOrEqualTo(400);
    }
}
