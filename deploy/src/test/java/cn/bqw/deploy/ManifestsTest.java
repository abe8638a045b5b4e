package cn.bqw.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.events.EventCatalogue;
import cn.bqw.platform.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
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
    void everyOperatorObjectPassesItsOperatorsSchemaWithNoUnknownField(String overlay) throws Exception {
        CrdSchemas schemas = CrdSchemas.load();
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = schemas.problems(rendered);
        assertTrue(
                rendered.resources().stream().filter(schemas::governs).count() > 20,
                overlay + ": the Kafka, node pool, topics, users, clusters and the rest are checked");
        assertEquals(List.of(), problems, "checked against " + schemas.releases());
    }

    @Test
    void aMisspelledFieldOrAWrongTypeFailsTheSchemaCheck() throws Exception {
        CrdSchemas schemas = CrdSchemas.load();
        Rendered prod = Rendered.overlay("prod");
        JsonNode pool = prod.ofKind("KafkaNodePool").get(0).deepCopy();
        assertEquals(List.of(), schemas.problems(pool));
        ObjectNode volume = (ObjectNode) pool.at("/spec/storage/volumes/0");
        volume.remove("kraftMetadata");
        volume.put("kraftMetadat", "shared");
        assertFalse(schemas.problems(pool).isEmpty(), "a misspelled field is refused, not pruned");

        JsonNode kafka = prod.named("Kafka", "bqw").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("port", "9093");
        assertFalse(schemas.problems(kafka).isEmpty(), "a port given as a string is refused");

        JsonNode unknownKind = prod.named("Kafka", "bqw").deepCopy();
        ((ObjectNode) unknownKind).put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertFalse(schemas.problems(unknownKind).isEmpty(), "a version the operator no longer serves is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCoreObjectPassesItsKubernetesTypeWithNoUnknownField(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        CrdSchemas operators = CrdSchemas.load();
        Set<String> coreKinds = new TreeSet<>();
        rendered.resources().stream()
                .filter(r -> !operators.governs(r))
                .forEach(r -> coreKinds.add(r.path("kind").asText()));
        assertTrue(
                coreKinds.containsAll(Set.of(
                        "ConfigMap",
                        "Deployment",
                        "Ingress",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "Service",
                        "ServiceAccount")),
                overlay + ": the core objects are all checked, found " + coreKinds);
        assertEquals(
                List.of(),
                new KubernetesTypes().problems(rendered, operators),
                "checked against " + KubernetesTypes.release());
    }

    @Test
    void aMisspelledFieldAWrongTypeOrAnUnservedVersionFailsTheCoreTypeCheck() throws Exception {
        KubernetesTypes types = new KubernetesTypes();
        Rendered prod = Rendered.overlay("prod");
        JsonNode deployment = prod.named("Deployment", "report-service");
        assertEquals(List.of(), types.problems(deployment));

        JsonNode misspelled = deployment.deepCopy();
        ObjectNode container = (ObjectNode) misspelled.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertEquals(
                List.of("/spec/template/spec/containers/0/readinesProbe"),
                types.problems(misspelled).stream()
                        .map(p -> p.substring(0, p.indexOf(':')))
                        .toList(),
                "a misspelled field is refused, not pruned");

        JsonNode portAsText = deployment.deepCopy();
        ((ObjectNode) portAsText.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "8080");
        assertFalse(types.problems(portAsText).isEmpty(), "a container port given as a string is refused");

        JsonNode nameless = deployment.deepCopy();
        ((ObjectNode) nameless.at("/spec/template/spec/containers/0")).remove("name");
        assertFalse(types.problems(nameless).isEmpty(), "a container without its required name is refused");

        JsonNode ingress = prod.ofKind("Ingress").get(0);
        assertEquals(List.of(), types.problems(ingress));
        JsonNode retired = ingress.deepCopy();
        ((ObjectNode) retired).put("apiVersion", "extensions/v1beta1");
        assertFalse(types.problems(retired).isEmpty(), "a version Kubernetes no longer serves is refused");
        JsonNode wrongGroup = ingress.deepCopy();
        ((ObjectNode) wrongGroup).put("apiVersion", "apps/v1");
        assertFalse(types.problems(wrongGroup).isEmpty(), "a kind under another group is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKafkaVersionIsOneTheOperatorSupports(String overlay) throws Exception {
        JsonNode supported = CrdSchemas.read("kafka.strimzi.io/supported-kafka-versions.json");
        List<String> versions = new ArrayList<>();
        supported.path("supported").forEach(v -> versions.add(v.asText()));
        String version = Rendered.overlay(overlay)
                .named("Kafka", "bqw")
                .at("/spec/kafka/version")
                .asText();
        assertTrue(
                versions.contains(version),
                overlay + ": Kafka " + version + " is not among Strimzi "
                        + supported.path("strimzi").asText() + "'s supported versions " + versions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceHasAKafkaUserAllowedExactlyWhatItsCodeDoes(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            String service = deployment.at("/metadata/name").asText();
            JsonNode user = rendered.named("KafkaUser", service);
            assertNotNull(user, overlay + ": a KafkaUser for " + service);
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
            Set<String> expected = new TreeSet<>(KafkaAccess.of(service));
            if (service.equals("report-service")) {
                // A rebuild passes over an event only when it finds it among the dead letters.
                for (String topic : List.of("divisions", "indicators", "observations", "approvals", "tasks")) {
                    expected.add("topic bqw." + topic + ".v1.dlq Read");
                }
            }
            assertEquals(expected, KafkaAccess.granted(user), overlay + " " + service + ": its ACLs");

            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            boolean credentials = false;
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    credentials = service.equals(
                            env.at("/valueFrom/secretKeyRef/name").asText());
                }
            }
            assertTrue(credentials, overlay + " " + service + ": takes its user's credentials from the user's secret");
            assertEquals(
                    "true",
                    deployment
                            .at("/spec/template/metadata/labels/bqw~1kafka-client")
                            .asText(),
                    overlay + " " + service + ": its pods are among the listener's peers");
        }
        JsonNode listener = rendered.named("Kafka", "bqw").at("/spec/kafka/listeners");
        assertEquals(1, listener.size(), overlay + ": one listener, no plaintext one");
        assertTrue(listener.get(0).path("tls").asBoolean(), overlay + ": TLS");
        assertEquals("scram-sha-512", listener.get(0).at("/authentication/type").asText());
        assertEquals(
                "simple",
                rendered.named("Kafka", "bqw")
                        .at("/spec/kafka/authorization/type")
                        .asText());
        assertTrue(
                rendered.platformConfig()
                        .at("/data/KAFKA_BOOTSTRAP_SERVERS")
                        .asText()
                        .endsWith(":" + listener.get(0).path("port").asInt()),
                overlay + ": the services use the secured listener");
    }

    @Test
    void inProductionReportServiceScalesOnItsLagUpToThePartitionsAndIsMonitored() throws Exception {
        Rendered prod = Rendered.overlay("prod");
        JsonNode scaled = prod.named("ScaledObject", "report-service");
        assertNotNull(scaled, "KEDA scales report-service");
        assertEquals("report-service", scaled.at("/spec/scaleTargetRef/name").asText());
        JsonNode trigger = scaled.at("/spec/triggers/0");
        assertEquals("kafka", trigger.path("type").asText());
        assertEquals(Topics.OBSERVATIONS.name(), trigger.at("/metadata/topic").asText());
        assertEquals("report-service", trigger.at("/metadata/consumerGroup").asText());
        assertTrue(
                scaled.at("/spec/maxReplicaCount").asInt() <= Topics.OBSERVATIONS.partitions(),
                "no more replicas than partitions");
        assertEquals(
                null,
                prod.named("HorizontalPodAutoscaler", "report-service"),
                "KEDA's autoscaler replaces the CPU one");

        String alerts = prod.named("PrometheusRule", "bqw-alerts").toString();
        for (String metric : List.of(
                "bqw_outbox_oldest_unsent_seconds",
                "kafka_consumergroup_lag",
                "kafka_topic_partition_current_offset",
                "http_server_requests_seconds_count")) {
            assertTrue(alerts.contains(metric), "an alert on " + metric);
        }
        assertFalse(prod.named("Kafka", "bqw").at("/spec/kafkaExporter").isMissingNode(), "the lag is exported");
        assertTrue(
                prod.ofKind("ConfigMap").stream().anyMatch(c -> "1"
                        .equals(c.at("/metadata/labels/grafana_dashboard").asText())),
                "a dashboard for Grafana's sidecar");
        JsonNode platform = prod.platformConfig();
        assertEquals("false", platform.at("/data/QUARKUS_OTEL_SDK_DISABLED").asText(), "traces on in prod");
        assertTrue(platform.at("/data/QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                .asText()
                .endsWith(":4317"));
        assertEquals(
                4317,
                prod.named("NetworkPolicy", "otel-egress")
                        .at("/spec/egress/0/ports/0/port")
                        .asInt());
        for (JsonNode cluster : prod.ofKind("Cluster")) {
            assertTrue(cluster.at("/spec/backup").isMissingNode(), "no deprecated barmanObjectStore");
            assertEquals(
                    "barman-cloud.cloudnative-pg.io",
                    cluster.at("/spec/plugins/0/name").asText());
        }
    }

    @Test
    void withTheJwksComponentTheServicesReachTheIdentityProviderOverHttpsAndNeedNoKeySecret() throws Exception {
        Rendered jwks = Rendered.directory("src/test/overlays/prod-jwks");
        JsonNode platform = jwks.platformConfig();
        assertTrue(platform.at("/data/BQW_JWT_PUBLIC_KEY").asText().startsWith("https://"));
        assertTrue(platform.at("/data/BQW_JWT_ISSUER").asText().startsWith("https://"), "the issuer is the provider's");
        JsonNode egress = jwks.named("NetworkPolicy", "jwks-egress");
        assertEquals(443, egress.at("/spec/egress/0/ports/0/port").asInt());
        assertEquals(4, egress.at("/spec/podSelector/matchExpressions/0/values").size());
        for (JsonNode deployment : jwks.ofKind("Deployment")) {
            for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                if (volume.path("name").asText().equals("jwt")) {
                    assertTrue(volume.at("/secret/optional").asBoolean(), "the key secret is optional");
                }
            }
        }
        CrdSchemas operators = CrdSchemas.load();
        assertEquals(List.of(), operators.problems(jwks));
        assertEquals(List.of(), new KubernetesTypes().problems(jwks, operators));
        // Without the component there is no way out but to the database, Kafka and DNS.
        assertEquals(null, Rendered.overlay("prod").named("NetworkPolicy", "jwks-egress"));
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
