package cn.bqw.platform.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.input.StrictJson;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void aLeadingByteOrderMarkIsDropped() throws Exception {
        byte[] body = bytes(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "code,nameZh\n1,和平村\n".getBytes(StandardCharsets.UTF_8));
        List<ObjectNode> rows = readCsv(body, StandardCharsets.UTF_8);
        assertEquals(1, rows.size());
        assertEquals("1", rows.get(0).get("code").asText());
        assertEquals("和平村", rows.get(0).get("nameZh").asText());
    }

    @Test
    void gbkBytesSentAsUtf8AreRefusedNamingTheirLine() {
        byte[] body = bytes("code,nameZh\n1,ok\n".getBytes(StandardCharsets.UTF_8), "2,和平村\n".getBytes(GBK));
        ProblemException refused = assertThrows(ProblemException.class, () -> readCsv(body, StandardCharsets.UTF_8));
        assertEquals(ProblemType.MALFORMED_REQUEST, refused.type());
        assertTrue(refused.getMessage().contains("line 3"), refused.getMessage());
        assertEquals("line 3", refused.errors().get(0).field());
    }

    @Test
    void gbkIsReadWhenDeclared() throws Exception {
        byte[] body = bytes("code,nameZh\n".getBytes(GBK), "2,和平村\n".getBytes(GBK));
        assertEquals("和平村", readCsv(body, GBK).get(0).get("nameZh").asText());
    }

    @Test
    void aBrokenByteFarIntoALongBodyIsFoundOnItsLine() {
        StringBuilder text = new StringBuilder("code,nameZh\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",村").append(i).append('\n');
        }
        byte[] body = bytes(text.toString().getBytes(StandardCharsets.UTF_8), new byte[] {'9', ',', (byte) 0xC3, '\n'});
        ProblemException refused = assertThrows(ProblemException.class, () -> readCsv(body, StandardCharsets.UTF_8));
        assertTrue(refused.getMessage().contains("line 5002"), refused.getMessage());
    }

    @Test
    void csvRowsAreTextAndJsonRowsAreNot() throws Exception {
        try (RowReader csv = RowReader.csv(
                new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8,
                Set.of(),
                json)) {
            assertTrue(csv.textCells());
        }
        try (RowReader array =
                RowReader.jsonArray(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)), json)) {
            assertFalse(array.textCells());
            assertFalse(array.hasNext());
        }
    }

    @Test
    void jsonRowsAreReadOneByOne() throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        try (RowReader reader = RowReader.jsonArray(
                new ByteArrayInputStream("[{\"a\":1},{\"a\":2.5}] \n".getBytes(StandardCharsets.UTF_8)), json)) {
            reader.forEachRemaining(rows::add);
        }
        assertEquals(2, rows.size());
        assertEquals(new java.math.BigDecimal("2.5"), rows.get(1).get("a").decimalValue());
    }

    @Test
    void nothingMayFollowAJsonArray() {
        for (String body : List.of("[{\"a\":1}] trailing", "[] {}", "[{\"a\":1}]]")) {
            ProblemException refused = assertThrows(
                    ProblemException.class,
                    () -> {
                        try (RowReader rows = RowReader.jsonArray(
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), json)) {
                            while (rows.hasNext()) {
                                rows.next();
                            }
                        }
                    },
                    body);
            assertEquals(ProblemType.MALFORMED_REQUEST, refused.type(), body);
        }
    }

    private List<ObjectNode> readCsv(byte[] body, Charset charset) throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        try (RowReader reader = RowReader.csv(new ByteArrayInputStream(body), charset, Set.of(), json)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
