package cn.bqw.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The environment variables a service reads configuration from: those of every runtime property
 * of the Quarkus extensions on the class path (from their {@code quarkus-config-model.json}), and
 * those of our own properties (non-Quarkus keys of the service's and platform-common's property
 * files, {@code @ConfigProperty} names and {@code @ConfigMapping} settings in their code, and
 * {@code ${VARIABLE}} references in the property files).
 */
final class KnownConfiguration {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** A mapping's setting: a method without parameters, its return type first. */
    private static final Pattern SETTING = Pattern.compile("(?m)^\\s+([\\w.<>]+)\\s+(\\w+)\\(\\);");

    private final Set<String> variables = new HashSet<>();

    /** The variables {@code service} (a module directory beside deploy/) reads. */
    static KnownConfiguration of(String service) throws IOException {
        KnownConfiguration known = new KnownConfiguration();
        known.readQuarkusModels();
        for (Path module : new Path[] {Path.of("..", service), Path.of("..", "platform-common")}) {
            known.readModule(module.resolve("src/main"));
        }
        return known;
    }

    boolean reads(String variable) {
        return variables.contains(variable) || kafkaClientSetting(variable);
    }

    /**
     * {@code KAFKA_} and a Kafka client property: the messaging connector takes every {@code kafka.*}
     * setting (Quarkus maps such variables to client properties), and so do the clients a service
     * opens itself (platform-common {@code KafkaConnection}).
     */
    private static boolean kafkaClientSetting(String variable) {
        Set<String> properties = new HashSet<>(ConsumerConfig.configNames());
        properties.addAll(ProducerConfig.configNames());
        return properties.stream().anyMatch(p -> variableOf("kafka." + p).equals(variable));
    }

    /** MicroProfile Config's rule: upper case, and every character but letters and digits becomes _. */
    static String variableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private void readQuarkusModels() throws IOException {
        Enumeration<URL> models =
                getClass().getClassLoader().getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        ObjectMapper json = new ObjectMapper();
        while (models.hasMoreElements()) {
            try (InputStream in = models.nextElement().openStream()) {
                collect(json.readTree(in));
            }
        }
    }

    /** Runtime properties only: a build-time one set on a container would change nothing. */
    private void collect(JsonNode node) {
        if (node.isObject() && node.has("phase") && node.path("path").has("environmentVariable")) {
            if ("RUN_TIME".equals(node.get("phase").asText())) {
                variables.add(node.path("path").path("environmentVariable").asText());
            }
        }
        node.forEach(this::collect);
    }

    /**
     * The settings of the mapping interface whose body opens at {@code open}: each method is {@code
     * prefix.method-name}; one returning an interface declared in the same file is a group of
     * settings below {@code prefix.method-name}.
     */
    private void readMapping(String code, int open, String prefix) {
        String body = code.substring(open + 1, closing(code, open));
        // Settings of nested groups are read with their group, not as this interface's own.
        String own = body.replaceAll("(?s)interface\\s+\\w+\\s*\\{.*", "");
        Matcher setting = SETTING.matcher(own);
        while (setting.find()) {
            String property = prefix + "."
                    + setting.group(2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            variables.add(variableOf(property));
            Matcher group = Pattern.compile("interface\\s+" + Pattern.quote(setting.group(1)) + "\\s*\\{")
                    .matcher(code);
            if (group.find()) {
                readMapping(code, group.end() - 1, property);
            }
        }
    }

    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    private void readModule(Path main) throws IOException {
        for (Path file : new Path[] {
            main.resolve("resources/application.properties"),
            main.resolve("resources/META-INF/microprofile-config.properties")
        }) {
            if (!Files.exists(file)) {
                continue;
            }
            String text = Files.readString(file);
            Properties properties = new Properties();
            properties.load(new java.io.StringReader(text));
            for (String key : properties.stringPropertyNames()) {
                String property = key.replaceFirst("^%[^.]+\\.", "");
                // Quarkus's own come from its models, which know whether they can change at run time.
                if (!property.startsWith("quarkus.")) {
                    variables.add(variableOf(property));
                }
            }
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                variables.add(reference.group(1));
            }
        }
        try (Stream<Path> sources = Files.walk(main.resolve("java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher property = CONFIG_PROPERTY.matcher(code);
                while (property.find()) {
                    variables.add(variableOf(property.group(1)));
                }
                Matcher mapping = CONFIG_MAPPING.matcher(code);
                if (mapping.find()) {
                    readMapping(code, code.indexOf('{', mapping.end()), mapping.group(1));
                }
            }
        }
    }
}
