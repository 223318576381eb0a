package dev.drydock.trainer.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.ResourceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTest {
    @Test
    void of_whenHostsUnsorted_sortsThemByNumberAndTheFirstLeads() {
        Cluster c = Cluster.of(ResourceConfig.homogeneous("algo-2", List.of("algo-10", "algo-2", "algo-1"), "ml.m5.large"));

        assertThat(c.hosts()).containsExactly("algo-1", "algo-2", "algo-10");
        assertThat(c.leader()).isEqualTo("algo-1");
        assertThat(c.rank()).isEqualTo(1);
        assertThat(c.isLeader()).isFalse();
        assertThat(c.isDistributed()).isTrue();
    }

    @Test
    void singleHost_isItsOwnLeaderAndNotDistributed() {
        assertThat(Cluster.SINGLE_HOST.isLeader()).isTrue();
        assertThat(Cluster.SINGLE_HOST.rank()).isZero();
        assertThat(Cluster.SINGLE_HOST.isDistributed()).isFalse();
        assertThat(Cluster.of(ResourceConfig.singleHost("ml.m5.large"))).isEqualTo(Cluster.SINGLE_HOST);
    }

    @Test
    void new_whenCurrentHostIsNotAHost_throwsNamingBoth() {
        assertThatThrownBy(() -> new Cluster(List.of("algo-1", "algo-2"), "algo-3"))
                .hasMessageContaining("current_host \"algo-3\"").hasMessageContaining("[algo-1, algo-2]");
    }

    @Test
    void new_whenAHostIsNamedTwice_throws() {
        assertThatThrownBy(() -> new Cluster(List.of("algo-1", "algo-1"), "algo-1")).hasMessageContaining("twice");
    }
}
