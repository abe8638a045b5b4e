package cn.bqw.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/** An overlay as {@code kubectl kustomize} renders it: its resources, parsed. */
record Rendered(String overlay, List<JsonNode> resources) {

    static Rendered overlay(String name) throws IOException, InterruptedException {
        return directory("overlays/" + name);
    }

    /** A kustomization elsewhere under deploy/ (the test-only ones under src/test/overlays). */
    static Rendered directory(String name) throws IOException, InterruptedException {
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", name)
                .redirectErrorStream(true)
                .start();
        String yaml = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kustomize.waitFor(2, TimeUnit.MINUTES) || kustomize.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + name + " failed:\n" + yaml);
        }
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> resources = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            mapper.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull()) {
                    resources.add(node);
                }
            });
        }
        return new Rendered(name, resources);
    }

    /** What {@code check} finds wrong with each resource {@code which} selects, every line naming the object. */
    List<String> problems(Predicate<JsonNode> which, Function<JsonNode, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (which.test(resource)) {
                String where = overlay + " " + resource.path("kind").asText() + " "
                        + resource.at("/metadata/name").asText() + ": ";
                check.apply(resource).forEach(p -> problems.add(where + p));
            }
        }
        return problems;
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .toList();
    }

    /** The ConfigMap every service shares, generated with a hash after its name. */
    JsonNode platformConfig() {
        return ofKind("ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().startsWith("bqw-platform"))
                .findFirst()
                .orElseThrow();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(r -> name.equals(r.path("metadata").path("name").asText()))
                .findFirst()
                .orElse(null);
    }
}
