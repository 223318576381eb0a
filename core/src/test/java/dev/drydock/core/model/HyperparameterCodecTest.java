package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperparameterCodecTest {

    @Test
    void encode_whenNumbers_givesPlainDecimalStrings() {
        assertThat(HyperparameterCodec.encode(100)).isEqualTo("100");
        assertThat(HyperparameterCodec.encode(7L)).isEqualTo("7");
        assertThat(HyperparameterCodec.encode(1.0)).isEqualTo("1.0");
        assertThat(HyperparameterCodec.encode(0.1)).isEqualTo("0.1");
        assertThat(HyperparameterCodec.encode(1e-4)).isEqualTo("0.0001");
        assertThat(HyperparameterCodec.encode(1e10)).isEqualTo("10000000000.0");
        assertThat(HyperparameterCodec.encode(-2.5)).isEqualTo("-2.5");
        assertThat(HyperparameterCodec.encode(0.1f)).isEqualTo("0.1");
    }

    @Test
    void encode_whenBooleansListsAndStrings_givesWhatTheContainerReads() {
        assertThat(HyperparameterCodec.encode(true)).isEqualTo("true");
        assertThat(HyperparameterCodec.encode(List.of(3, 4, 5))).isEqualTo("[3,4,5]");
        assertThat(HyperparameterCodec.encode(List.of("a", "b\"c"))).isEqualTo("[\"a\",\"b\\\"c\"]");
        assertThat(HyperparameterCodec.encode(List.of(0.5, 1.0))).isEqualTo("[0.5,1.0]");
        assertThat(HyperparameterCodec.encode("reg:squarederror")).isEqualTo("reg:squarederror");
    }

    @Test
    void encode_whenNullOrNotFinite_throws() {
        assertThatThrownBy(() -> HyperparameterCodec.encode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HyperparameterCodec.encode(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void decode_whenEncoded_roundTrips() {
        assertThat(HyperparameterCodec.decodeLong("n", HyperparameterCodec.encode(42))).isEqualTo(42L);
        assertThat(HyperparameterCodec.decodeDouble("eta", HyperparameterCodec.encode(1e-4))).isEqualTo(1e-4);
        assertThat(HyperparameterCodec.decodeBoolean("b", "True")).isTrue();
        assertThat(HyperparameterCodec.decodeBoolean("b", HyperparameterCodec.encode(false))).isFalse();
        assertThat(HyperparameterCodec.decodeList("d", HyperparameterCodec.encode(List.of(3, 4)))).containsExactly("3", "4");
        assertThat(HyperparameterCodec.decodeList("d", "[\"a\", \"b\"]")).containsExactly("a", "b");
        assertThat(HyperparameterCodec.decodeList("d", "3,4,5")).containsExactly("3", "4", "5");
        assertThat(HyperparameterCodec.decodeList("d", "[]")).isEmpty();
    }

    @Test
    void decode_whenMalformed_namesTheHyperparameterAndRule() {
        assertSingleViolation(() -> HyperparameterCodec.decodeLong("num_round", "ten"), "hyperparameters.num_round", "ten",
                "whole number");
        assertSingleViolation(() -> HyperparameterCodec.decodeDouble("eta", "NaN"), "hyperparameters.eta", "NaN",
                "finite number");
        assertSingleViolation(() -> HyperparameterCodec.decodeBoolean("b", "yes"), "hyperparameters.b", "yes", "true or false");
        assertSingleViolation(() -> HyperparameterCodec.decodeList("d", "[3,4"), "hyperparameters.d", "[3,4", "closed by ']'");
        assertSingleViolation(() -> HyperparameterCodec.decodeList("d", "3,,4"), "hyperparameters.d", "3,,4", "empty list item");
    }
}
