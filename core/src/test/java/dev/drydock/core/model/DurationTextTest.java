package dev.drydock.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"90s,90000", "10m,600000", "2h,7200000", "1h30m,5400000", "500ms,500", "1d,86400000", "PT10M,600000",
            "pt1h,3600000", " 5m ,300000"})
    void parse_whenHumanOrIsoForm_givesTheDuration(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5M", "0s", "PT0S"})
    void parse_whenNotPositive_refuses(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).hasMessageStartingWith("must be positive");
    }

    @Test
    void parse_whenNoUnit_saysSo() {
        assertThatThrownBy(() -> DurationText.parse("600")).hasMessageStartingWith("has no unit");
        assertThatThrownBy(() -> DurationText.parse("ten minutes")).hasMessageStartingWith("is not a duration");
    }

    @Test
    void format_isReadBackByParse() {
        for (Duration d : new Duration[]{Duration.ofSeconds(90), Duration.ofHours(26), Duration.ofMillis(1500)}) {
            assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
        }
    }
}
