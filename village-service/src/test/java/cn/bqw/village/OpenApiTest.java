package cn.bqw.village;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint is documented with a summary, and its bodies with examples; a PUT with both its answers. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndExamplesForWhatItTakesAndAnswers() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode spec = method.getValue();
                operations++;
                if (spec.path("summary").asText().isBlank()) {
                    missing.add(operation + ": summary");
                }
                spec.path("requestBody").path("content").fields().forEachRemaining(media -> {
                    if (!hasExample(document, media.getValue())) {
                        missing.add(operation + ": request example for " + media.getKey());
                    }
                });
                if (method.getKey().equals("put")) {
                    // A PUT answers the resource whether it created it (201) or changed it (200).
                    for (String status : List.of("200", "201")) {
                        JsonNode response = spec.path("responses").path(status);
                        if (!response.isMissingNode()
                                && response.path("content").isEmpty()) {
                            missing.add(operation + ": " + status + " body");
                        }
                    }
                }
                for (String status : List.of("200", "201")) {
                    spec.path("responses").path(status).path("content").fields().forEachRemaining(media -> {
                        if (!hasExample(document, media.getValue())) {
                            missing.add(operation + ": " + status + " example for " + media.getKey());
                        }
                    });
                }
            }
        }
        assertTrue(operations >= 16, "operations documented: " + operations);
        assertEquals(List.of(), missing);
    }

    /** An example on the media type, or on the schema it names (or on its array's items). */
    private static boolean hasExample(JsonNode document, JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        JsonNode schema = resolve(document, media.path("schema"));
        if (schema.path("type").asText().equals("array")) {
            schema = resolve(document, schema.path("items"));
        }
        return schema.has("example") || schema.has("examples");
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : document.at(ref.asText().substring(1));
    }
}
