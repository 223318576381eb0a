package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parse_whenDocumentHasEveryKind_returnsMapsListsAndScalars() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\n\\\"y\\u00e9\"}} ");

        assertThat(value).isEqualTo(Map.of(
                "a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null),
                "b", Map.of("c", "x\n\"y\u00e9")));
    }

    @Test
    void write_thenParse_givesTheSameValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "tab\tquote\" back\\ ctl\u0001");
        value.put("hosts", List.of("algo-1", "algo-2"));
        value.put("groups", List.of(Map.of("n", new BigDecimal("3"))));
        value.put("empty", Map.of());

        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void write_isCompactAsSageMakersFiles() {
        assertThat(Json.write(Map.of("hosts", List.of("algo-1", "algo-2"))))
                .isEqualTo("{\"hosts\":[\"algo-1\",\"algo-2\"]}");
    }

    @Test
    void parse_whenMalformed_namesLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  b: 2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a quoted member name at line 3 column 3 but found 'b'");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("expected end of the document");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("closing '\"'");
        assertThatThrownBy(() -> Json.parse("[1,]")).hasMessageContaining("expected a value");
    }

    @Test
    void write_whenNotFinite_refuses() {
        assertThatThrownBy(() -> Json.write(List.of(Double.NaN))).hasMessageContaining("finite");
    }
}
