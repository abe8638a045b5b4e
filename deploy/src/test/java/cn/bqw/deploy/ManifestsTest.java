package cn.bqw.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.events.EventCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders each overlay with kubectl kustomize and holds it to what ops and the code expect. */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesResourcesAndALockedDownContainer(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        List<JsonNode> deployments = rendered.ofKind("Deployment");
        assertEquals(4, deployments.size(), overlay + ": one Deployment per service");
        for (JsonNode deployment : deployments) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                String where = overlay + " " + container.path("name").asText();
                assertEquals(
                        "/q/health/live",
                        container.at("/livenessProbe/httpGet/path").asText(),
                        where);
                assertEquals(
                        "/q/health/ready",
                        container.at("/readinessProbe/httpGet/path").asText(),
                        where);
                assertFalse(container.path("startupProbe").isMissingNode(), where + ": startup probe");
                for (String resource : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
                    assertFalse(container.at("/resources" + resource).asText().isEmpty(), where + resource);
                }
                JsonNode security = container.path("securityContext");
                assertTrue(
                        security.path("runAsNonRoot").asBoolean()
                                || pod.at("/securityContext/runAsNonRoot").asBoolean(),
                        where + ": non-root");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), where + ": read-only root");
                assertTrue(
                        security.has("allowPrivilegeEscalation")
                                && !security.get("allowPrivilegeEscalation").asBoolean(),
                        where + ": no privilege escalation");
                assertTrue(container.path("image").asText().contains("/bqw/"), where + ": image set by the overlay");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsPodsAndTargetsADeclaredPort(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        List<JsonNode> services = rendered.ofKind("Service");
        assertEquals(4, services.size(), overlay);
        for (JsonNode service : services) {
            String where = overlay + " Service " + service.at("/metadata/name").asText();
            JsonNode selector = service.at("/spec/selector");
            assertTrue(selector.size() > 0, where + ": has a selector");
            JsonNode deployment = rendered.ofKind("Deployment").stream()
                    .filter(d -> matches(selector, d.at("/spec/template/metadata/labels")))
                    .findFirst()
                    .orElse(null);
            assertNotNull(deployment, where + ": selects some Deployment's pods");
            List<String> declared = new ArrayList<>();
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                for (JsonNode port : container.path("ports")) {
                    declared.add(port.path("name").asText());
                    declared.add(port.path("containerPort").asText());
                }
            }
            for (JsonNode port : service.at("/spec/ports")) {
                String target = port.path("targetPort").asText(port.path("port").asText());
                assertTrue(declared.contains(target), where + ": targets " + target + ", declared " + declared);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesUseIsAKafkaTopicWithTheCodesSettings(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, JsonNode> declared = new HashMap<>();
        rendered.ofKind("KafkaTopic")
                .forEach(t -> declared.put(t.at("/spec/topicName").asText(), t));
        int brokers = rendered.ofKind("KafkaNodePool").stream()
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
        Map<String, List<String>> used = EventCatalogue.topicSettings();
        assertEquals(used.keySet(), declared.keySet(), overlay + ": KafkaTopics and the code's topics");
        used.forEach((topic, settings) -> {
            JsonNode spec = declared.get(topic).path("spec");
            assertEquals(
                    settings,
                    List.of(
                            spec.path("partitions").asText(),
                            spec.at("/config/cleanup.policy").asText(),
                            spec.at("/config/retention.ms").asText()),
                    overlay + " " + topic + ": partitions, cleanup policy, retention");
            assertTrue(spec.path("replicas").asInt() <= brokers, overlay + " " + topic + ": replicas ≤ brokers");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableIsConfigurationTheServiceReads(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                String service = container.path("name").asText();
                KnownConfiguration known = KnownConfiguration.of(service);
                List<String> variables = new ArrayList<>();
                container
                        .path("env")
                        .forEach(env -> variables.add(env.path("name").asText()));
                for (JsonNode source : container.path("envFrom")) {
                    String name = source.at("/configMapRef/name").asText();
                    JsonNode configMap = rendered.named("ConfigMap", name);
                    assertNotNull(configMap, overlay + " " + service + ": ConfigMap " + name + " is rendered");
                    configMap.path("data").fieldNames().forEachRemaining(variables::add);
                }
                assertFalse(variables.isEmpty(), service);
                for (String variable : variables) {
                    assertTrue(
                            known.reads(variable),
                            overlay + " " + service + ": " + variable + " is no configuration the service reads");
                }
            }
        }
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }
}
