package cn.bqw.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    enum Area {
        TOTAL,
        URBAN
    }

    record Sample(
            String name,
            Integer population,
            Boolean urban,
            LocalDate activeFrom,
            Area area,
            BigDecimal value,
            List<String> pilots) {}

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void wellTypedJsonIsRead() throws Exception {
        Sample sample = json.readValue(
                """
                {"name":"和平村","population":2310,"urban":true,"activeFrom":"2025-01-01","area":"URBAN",
                 "value":123456789012.123456,"pilots":["SHARE_FIELD"]}
                """,
                Sample.class);
        assertEquals(
                new Sample(
                        "和平村",
                        2310,
                        true,
                        LocalDate.of(2025, 1, 1),
                        Area.URBAN,
                        new BigDecimal("123456789012.123456"),
                        List.of("SHARE_FIELD")),
                sample);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"population\":\"3\"}",
                "{\"population\":1.5}",
                "{\"population\":\"\"}",
                "{\"urban\":1}",
                "{\"urban\":\"yes\"}",
                "{\"urban\":\"true\"}",
                "{\"name\":123}",
                "{\"name\":true}",
                "{\"name\":{\"a\":1}}",
                "{\"area\":1}",
                "{\"activeFrom\":20250101}",
                "{\"activeFrom\":1.5}",
                "{\"value\":\"1\"}",
                "{\"name\":\"a\"} trailing",
                "{\"name\":\"a\"}{}",
                "{\"name\":\"\\udc00\"}",
                "{\"name\":\"探\\u0001村\"}",
                "{\"name\":\"a\\u0000b\"}",
                "{\"name\":\"two\\nlines\"}",
                "{\"pilots\":[\"\\u0008\"]}",
                "{\"pilots\":[1]}"
            })
    void coercionsAndBrokenTextAreRefused(String body) {
        assertThrows(JsonProcessingException.class, () -> json.readValue(body, Sample.class), body);
    }

    @Test
    void numbersWithMoreThanAHundredDigitsAreRefusedByTheParser() {
        String digits = "1".repeat(101);
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"value\":" + digits + "}", Sample.class));
    }

    @Test
    void eventNumbersStayExactInATree() throws Exception {
        assertEquals(
                new BigDecimal("123456789012.123456"),
                json.readTree("{\"value\":123456789012.123456}").get("value").decimalValue());
        assertEquals(
                new BigDecimal("0.1"),
                json.readTree("{\"value\":0.1}").get("value").decimalValue());
    }
}
