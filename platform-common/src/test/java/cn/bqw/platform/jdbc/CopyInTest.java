package cn.bqw.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyInTest {

    @Test
    void writesTabSeparatedRowsWithNullsAndEscapes() {
        CopyIn copy = new CopyIn("t (a, b, c)")
                .row("plain", null, 42)
                .row("{\"s\":\"a\\\\b\"}", "tab\there", "line\nbreak\r");
        assertEquals("plain\t\\N\t42\n{\"s\":\"a\\\\\\\\b\"}\ttab\\there\tline\\nbreak\\r\n", copy.text());
        assertEquals(2, copy.rows());
    }
}
