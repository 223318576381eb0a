package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceConfigTest {
    @TempDir
    Path dir;

    @Test
    void homogeneous_writeThenRead_keepsEveryField() throws Exception {
        ResourceConfig config = ResourceConfig.homogeneous("algo-2", ResourceConfig.hostNames(2), "ml.m5.xlarge");
        Path file = dir.resolve("resourceconfig.json");

        config.write(file);

        assertThat(ResourceConfig.read(file)).isEqualTo(config);
        assertThat(Files.readString(file)).isEqualTo("{\"current_host\":\"algo-2\",\"hosts\":[\"algo-1\",\"algo-2\"],"
                + "\"network_interface_name\":\"eth0\",\"current_instance_type\":\"ml.m5.xlarge\","
                + "\"current_group_name\":\"homogeneousCluster\",\"instance_groups\":[{\"instance_group_name\":"
                + "\"homogeneousCluster\",\"instance_type\":\"ml.m5.xlarge\",\"hosts\":[\"algo-1\",\"algo-2\"]}]}\n");
    }

    @Test
    void hosts_whenUnsortedAndPastNine_areInHostOrderWithTheLeaderFirst() {
        ResourceConfig config = ResourceConfig.homogeneous("algo-2",
                List.of("algo-10", "algo-2", "algo-1", "algo-11", "algo-3"), "ml.m5.large");

        assertThat(config.hosts()).containsExactly("algo-1", "algo-2", "algo-3", "algo-10", "algo-11");
        assertThat(config.leader()).isEqualTo("algo-1");
        assertThat(config.rank()).isEqualTo(1);
        assertThat(config.isLeader()).isFalse();
        assertThat(config.hostCount()).isEqualTo(5);
        assertThat(config.isDistributed()).isTrue();
    }

    @Test
    void singleHost_isItsOwnLeaderAtRankZero() {
        ResourceConfig config = ResourceConfig.singleHost("local");

        assertThat(config.currentHost()).isEqualTo("algo-1");
        assertThat(config.isLeader()).isTrue();
        assertThat(config.rank()).isZero();
        assertThat(config.isDistributed()).isFalse();
    }

    @Test
    void read_whenOnlyTheRequiredFields_leavesTheOthersAbsent() throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), "{\"current_host\": \"algo-1\", \"hosts\": [\"algo-1\"]}");

        ResourceConfig config = ResourceConfig.read(file);

        assertThat(config.networkInterfaceName()).isNull();
        assertThat(config.instanceGroups()).isEmpty();
    }

    @Test
    void read_whenCurrentHostNotInHosts_namesBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), "{\"current_host\": \"algo-9\", \"hosts\": [\"algo-1\"]}");

        assertThatThrownBy(() -> ResourceConfig.read(file)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("current_host \"algo-9\" must be one of hosts [algo-1]");
    }

    @Test
    void read_whenFieldsMissingOrMistyped_namesTheField() throws Exception {
        Path noHosts = Files.writeString(dir.resolve("a.json"), "{\"current_host\": \"algo-1\"}");
        Path noCurrent = Files.writeString(dir.resolve("b.json"), "{\"hosts\": [\"algo-1\"]}");
        Path numberHosts = Files.writeString(dir.resolve("c.json"), "{\"current_host\": \"algo-1\", \"hosts\": [1]}");

        assertThatThrownBy(() -> ResourceConfig.read(noHosts)).hasMessageContaining("\"hosts\" is missing or empty");
        assertThatThrownBy(() -> ResourceConfig.read(noCurrent)).hasMessageContaining("\"current_host\" is missing");
        assertThatThrownBy(() -> ResourceConfig.read(numberHosts))
                .hasMessageContaining("\"hosts\" must hold strings only, found the number 1");
    }

    @Test
    void constructor_whenHostRepeated_refuses() {
        assertThatThrownBy(() -> ResourceConfig.homogeneous("algo-1", List.of("algo-1", "algo-1"), "t"))
                .hasMessageContaining("name a host twice");
    }

    @Test
    void hostNames_areSageMakers() {
        assertThat(ResourceConfig.hostNames(3)).containsExactly("algo-1", "algo-2", "algo-3");
        assertThatThrownBy(() -> ResourceConfig.hostNames(0)).hasMessageContaining("at least 1");
    }
}
