package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperparametersTest {
    @TempDir
    Path dir;

    @Test
    void encode_whenNumbers_writesPlainDecimals() {
        assertThat(Hyperparameters.encode(100)).isEqualTo("100");
        assertThat(Hyperparameters.encode(7L)).isEqualTo("7");
        assertThat(Hyperparameters.encode(1.0)).isEqualTo("1.0");
        assertThat(Hyperparameters.encode(0.1)).isEqualTo("0.1");
        assertThat(Hyperparameters.encode(1e-4)).isEqualTo("0.0001");
        assertThat(Hyperparameters.encode(1e10)).isEqualTo("10000000000.0");
        assertThat(Hyperparameters.encode(-2.5)).isEqualTo("-2.5");
        assertThat(Hyperparameters.encode(0.1f)).isEqualTo("0.1");
    }

    @Test
    void encode_whenBooleansListsAndStrings_writesTheirForms() {
        assertThat(Hyperparameters.encode(true)).isEqualTo("true");
        assertThat(Hyperparameters.encode(List.of(3, 4, 5))).isEqualTo("[3,4,5]");
        assertThat(Hyperparameters.encode(List.of("a", "b\"c"))).isEqualTo("[\"a\",\"b\\\"c\"]");
        assertThat(Hyperparameters.encode(List.of(0.5, 1.0))).isEqualTo("[0.5,1.0]");
        assertThat(Hyperparameters.encode("reg:squarederror")).isEqualTo("reg:squarederror");
    }

    @Test
    void encode_whenNullOrNotFinite_refuses() {
        assertThatThrownBy(() -> Hyperparameters.encode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyperparameters.encode(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void typedGetters_decodeWhatEncodeWrites() {
        Hyperparameters hp = Hyperparameters.fromTyped(Map.of("n", 42, "eta", 1e-4, "b", false,
                "depths", List.of(3, 4), "names", List.of("a", "b")));

        assertThat(hp.integer("n", 0)).isEqualTo(42);
        assertThat(hp.longInteger("n", 0)).isEqualTo(42L);
        assertThat(hp.number("eta", 0)).isEqualTo(1e-4);
        assertThat(hp.bool("b", true)).isFalse();
        assertThat(hp.numbers("depths", List.of())).containsExactly(3.0, 4.0);
        assertThat(hp.strings("names", List.of())).containsExactly("a", "b");
    }

    @Test
    void bool_whenPythonSpelling_accepts() {
        assertThat(Hyperparameters.of(Map.of("b", "True")).bool("b", false)).isTrue();
    }

    @Test
    void numbers_whenJsonArrayOrCommaSeparatedOrEmpty_decodes() {
        assertThat(Hyperparameters.of(Map.of("g", "[0.5, 1,2]")).numbers("g", List.of())).containsExactly(0.5, 1.0, 2.0);
        assertThat(Hyperparameters.of(Map.of("g", "3,4,5")).numbers("g", List.of())).containsExactly(3.0, 4.0, 5.0);
        assertThat(Hyperparameters.of(Map.of("g", "[]")).numbers("g", List.of(1.0))).isEmpty();
        assertThat(Hyperparameters.of(Map.of()).numbers("g", List.of(1.0))).containsExactly(1.0);
    }

    @Test
    void numbers_whenElementMalformed_namesKeyValueAndFix() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("max_depth", "[3,four]")).numbers("max_depth", List.of()))
                .isInstanceOf(TrainingException.class)
                .hasMessage("hyperparameter max_depth=\"[3,four]\" is malformed: expected a list of finite numbers as"
                        + " [1,2] or 1,2 (\"four\" is not one); fix the value of max_depth in the job's hyperparameters");
    }

    @Test
    void strings_whenEmptyElementOrUnpairedBracket_refuses() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("l", "a,,b")).strings("l", List.of()))
                .hasMessageContaining("l=\"a,,b\" is malformed").hasMessageContaining("without empty elements");
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("l", "[a,b")).strings("l", List.of()))
                .hasMessageContaining("brackets do not pair");
    }

    @Test
    void integer_whenMalformedOrTooLarge_throws() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("folds", "5.5")).integer("folds", 5))
                .isInstanceOf(TrainingException.class).hasMessageContaining("folds=\"5.5\" is malformed: expected an integer");
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("n", "3000000000")).integer("n", 5))
                .hasMessageContaining("between");
    }

    @Test
    void number_whenNotFinite_throws() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("eta", "NaN")).number("eta", 0.3))
                .hasMessageContaining("eta=\"NaN\" is malformed: expected a finite number");
    }

    @Test
    void bool_whenNotTrueOrFalse_throws() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("log_target", "yes")).bool("log_target", true))
                .isInstanceOf(TrainingException.class).hasMessageContaining("true or false");
    }

    @Test
    void required_whenAbsent_saysHowToSetIt() {
        assertThatThrownBy(() -> Hyperparameters.none().required("target"))
                .hasMessageContaining("hyperparameter target is missing");
    }

    @Test
    void requireOnly_whenUnknownName_listsKnownNames() {
        Hyperparameters hp = Hyperparameters.of(Map.of("max_dept", "3"));

        assertThatThrownBy(() -> hp.requireOnly(Set.of("max_depth", "seed")))
                .isInstanceOf(TrainingException.class)
                .hasMessage("unknown hyperparameter [max_dept] (did you mean max_depth?); known hyperparameters are"
                        + " [max_depth, seed]");
    }

    @Test
    void requireOnly_whenSeveralTypos_suggestsEachAndNothingForANameFarFromAll() {
        Hyperparameters hp = Hyperparameters.of(Map.of("max_dpeth", "3", "sede", "1", "colour", "red"));

        assertThatThrownBy(() -> hp.requireOnly(Set.of("max_depth", "seed")))
                .hasMessage("unknown hyperparameters [colour, max_dpeth, sede] (did you mean max_depth for max_dpeth,"
                        + " seed for sede?); known hyperparameters are [max_depth, seed]");
    }

    @Test
    void write_thenRead_givesTheSameStrings() {
        Path file = dir.resolve("config/hyperparameters.json");
        Hyperparameters hp = Hyperparameters.of(Map.of("max_depth", "[3,4]", "objective", "reg:squarederror",
                "quote", "a\"b"));

        hp.write(file);

        assertThat(Hyperparameters.read(file)).isEqualTo(hp);
    }

    @Test
    void read_whenHandWrittenNumbers_takesTheirText() throws Exception {
        Path file = Files.writeString(dir.resolve("h.json"), "{\"seed\": 7, \"b\": true, \"l\": [1, 2]}");

        assertThat(Hyperparameters.read(file).asMap()).containsEntry("seed", "7").containsEntry("b", "true")
                .containsEntry("l", "[1,2]");
    }

    @Test
    void read_whenNotJsonOrNotObject_namesTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("hyperparameters.json"), "{not json");
        Path array = Files.writeString(dir.resolve("array.json"), "[1]");

        assertThatThrownBy(() -> Hyperparameters.read(bad)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("hyperparameters.json is not valid JSON: expected a quoted member name");
        assertThatThrownBy(() -> Hyperparameters.read(array)).hasMessageContaining("must be a JSON object");
    }
}
