package cn.bqw.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operators' own CRD schemas (vendored by {@code deploy/crds/vendor.py}, sources in {@code
 * crd-schemas/SOURCES.json}), held strictly: as the API server's strict field validation does, a
 * field a schema does not declare is an error, not silently pruned.
 */
final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "/crd-schemas/";

    private final Map<String, Schema> byTypeKey = new HashMap<>();
    private final Set<String> groups = new TreeSet<>();
    private final List<JsonNode> sources;

    private CrdSchemas(List<JsonNode> sources) {
        this.sources = sources;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        for (JsonNode source : sources) {
            String group = source.path("group").asText();
            String version = source.path("version").asText();
            String kind = source.path("kind").asText();
            JsonNode schema = strict(read(group + "/" + kind + "-" + version + ".json"));
            byTypeKey.put(typeKey(group + "/" + version, kind), registry.getSchema(schema));
            groups.add(group);
        }
    }

    static CrdSchemas load() {
        List<JsonNode> sources = List.copyOf(JSON.convertValue(
                read("SOURCES.json"), JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)));
        return new CrdSchemas(sources);
    }

    /** Whether an object's API group is one of the operators' (so its schema must be known). */
    boolean governs(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.contains("/") && groups.contains(apiVersion.substring(0, apiVersion.indexOf('/')));
    }

    /** What is wrong with {@code resource} against its CRD schema; empty when it passes. */
    List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        Schema schema = byTypeKey.get(typeKey(apiVersion, kind));
        if (schema == null) {
            return List.of(kind + " " + apiVersion + " is not served by the operator releases in SOURCES.json");
        }
        return schema.validate(resource).stream().map(Error::toString).toList();
    }

    /** What is wrong with each operator object of {@code rendered}, every line naming the object. */
    List<String> problems(Rendered rendered) {
        return rendered.problems(this::governs, this::problems);
    }

    /** The operator releases the schemas come from, as "repository tag". */
    Set<String> releases() {
        Set<String> releases = new TreeSet<>();
        sources.forEach(s ->
                releases.add(s.path("repository").asText() + " " + s.path("tag").asText()));
        return releases;
    }

    static JsonNode read(String path) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("no vendored schema " + ROOT + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typeKey(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /**
     * Every object schema that lists its properties and neither preserves unknown fields nor says
     * what other properties may hold gets {@code additionalProperties: false}.
     */
    static JsonNode strict(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.forEach(CrdSchemas::strict);
        } else if (schema.isArray()) {
            schema.forEach(CrdSchemas::strict);
        }
        return schema;
    }
}
