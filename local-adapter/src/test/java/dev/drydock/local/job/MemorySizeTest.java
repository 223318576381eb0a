package dev.drydock.local.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemorySizeTest {
    private static final long MIB = 1024L * 1024;

    @Test
    void parseLimit_whenDockerStyleSizes_returnsBytesInPowersOf1024() {
        assertThat(MemorySize.parseLimit("memoryLimit", "2g")).isEqualTo(2048 * MIB);
        assertThat(MemorySize.parseLimit("memoryLimit", "512M")).isEqualTo(512 * MIB);
        assertThat(MemorySize.parseLimit("memoryLimit", "64mib")).isEqualTo(64 * MIB);
        assertThat(MemorySize.parseLimit("memoryLimit", "65536k")).isEqualTo(64 * MIB);
        assertThat(MemorySize.parseLimit("memoryLimit", " 8388608 ")).isEqualTo(8 * MIB);
    }

    @Test
    void parseLimit_whenNotASize_rejectsNamingFieldValueAndRule() {
        assertThatThrownBy(() -> MemorySize.parseLimit("memoryLimit", "2 gigs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryLimit").hasMessageContaining("\"2 gigs\"").hasMessageContaining("512m or 2g");
        assertThatThrownBy(() -> MemorySize.parseLimit("memoryLimit", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryLimit");
        assertThatThrownBy(() -> MemorySize.parseLimit("memoryLimit", "99999999999999999999g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fit in a long");
    }

    @Test
    void checkLimit_whenBelowDockersMinimum_rejectsNamingFieldValueAndRule() {
        assertThatThrownBy(() -> MemorySize.checkLimit("memoryLimit", 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryLimit must be at least 6 MiB").hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> MemorySize.parseLimit("memoryLimit", "5m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"5m\"");
        assertThat(MemorySize.checkLimit("memoryLimit", 6 * MIB)).isEqualTo(6 * MIB);
    }

    @Test
    void format_whenWholeUnits_showsTheLargestUnit() {
        assertThat(MemorySize.format(256 * MIB)).isEqualTo("256 MiB");
        assertThat(MemorySize.format(2048 * MIB)).isEqualTo("2 GiB");
        assertThat(MemorySize.format(1536 * MIB)).isEqualTo("1.5 GiB");
        assertThat(MemorySize.format(1000)).isEqualTo("1000 bytes");
    }
}
