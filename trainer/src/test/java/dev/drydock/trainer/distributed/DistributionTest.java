package dev.drydock.trainer.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void resolve_whenAuto_rowsForAShardedChannelAndTrialsOtherwise() {
        assertThat(Distribution.AUTO.resolve(true)).isEqualTo(Distribution.ROWS);
        assertThat(Distribution.AUTO.resolve(false)).isEqualTo(Distribution.TRIALS);
        assertThat(Distribution.ROWS.resolve(false)).isEqualTo(Distribution.ROWS);
    }

    @Test
    void resolve_whenTrialsOnAShardedChannel_throwsNamingTheFix() {
        assertThatThrownBy(() -> Distribution.TRIALS.resolve(true)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("ShardedByS3Key").hasMessageContaining("distribution=rows");
    }

    @Test
    void parse_whenUnknown_listsTheModes() {
        assertThat(Distribution.parse(" Rows ")).isEqualTo(Distribution.ROWS);
        assertThatThrownBy(() -> Distribution.parse("columns")).hasMessageContaining("distribution=\"columns\"")
                .hasMessageContaining("rows").hasMessageContaining("trials").hasMessageContaining("auto");
    }

    @Test
    void options_whenAbsent_defaultToAutoAndDocumentedBounds() {
        DistributedOptions o = DistributedOptions.from(Hyperparameters.of(Map.of()));

        assertThat(o.distribution()).isEqualTo(Distribution.AUTO);
        assertThat(o.joinTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThatThrownBy(() -> DistributedOptions.from(Hyperparameters.of(Map.of("distributed_timeout", "0"))))
                .hasMessageContaining("distributed_timeout");
    }

    @Test
    void trackerEndpoint_whenBackendSetsNone_isTheLeaderAtTheFixedPort() {
        Cluster c = new Cluster(java.util.List.of("algo-1", "algo-2"), "algo-2");

        assertThat(TrackerEndpoint.of(c, Map.of())).isEqualTo(new TrackerEndpoint("algo-1", TrackerEndpoint.DEFAULT_PORT));
        assertThat(TrackerEndpoint.of(c, Map.of("DRYDOCK_TRACKER_HOST", "127.0.0.1", "DRYDOCK_TRACKER_PORT", "4711")))
                .isEqualTo(new TrackerEndpoint("127.0.0.1", 4711));
        assertThatThrownBy(() -> TrackerEndpoint.of(c, Map.of("DRYDOCK_TRACKER_PORT", "x")))
                .hasMessageContaining("DRYDOCK_TRACKER_PORT=\"x\"");
    }
}
