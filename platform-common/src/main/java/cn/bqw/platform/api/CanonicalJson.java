package cn.bqw.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * JSON in one written form — every object's fields in name order, no spaces — and its SHA-256, so
 * that the same content always has the same digest, whoever serialised it.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static JsonNode of(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(field -> sorted.put(field.getKey(), of(field.getValue())));
            ObjectNode result = ((ObjectNode) node).objectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = ((ArrayNode) node).arrayNode();
            node.forEach(element -> result.add(of(element)));
            return result;
        }
        return node;
    }

    /** The SHA-256 of {@code canonical}'s text, in lower-case hex. */
    public static String sha256(JsonNode canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
