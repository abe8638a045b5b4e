package cn.bqw.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"和平村", "Heping Village", "𠀀村 (astral, a valid pair)", "A-1 (east) / 东", ""})
    void cleanTextIsTaken(String text) {
        assertEquals(Optional.empty(), CleanText.problem("nameZh", text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "探\u0001村",
                "a\u0000b",
                "x\u0008",
                "\u001f",
                "a\u007fb",
                "c1\u0085",
                "\u009f",
                "\udc00",
                "a\ud800",
                "\ud800x"
            })
    void controlsNulAndLoneSurrogatesAreRefused(String text) {
        assertTrue(CleanText.problem("nameZh", text).isPresent(), text);
        assertTrue(CleanText.problem("description", text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "a\tb", "a\r\nb"})
    void lineBreaksOnlyInMultiLineFields(String text) {
        assertTrue(CleanText.problem("nameZh", text).isPresent());
        assertTrue(CleanText.problem(null, text).isPresent());
        assertEquals(Optional.empty(), CleanText.problem("description", text));
    }
}
