package cn.bqw.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The built-in Kubernetes types (Deployment, Service, NetworkPolicy, ...) held strictly, as the
 * API server's strict field validation holds them: every field must be one the type declares, of
 * the declared JSON type, and the required ones present.
 *
 * <p>The types come from the official Java client's models ({@code io.kubernetes:client-java-api},
 * version in the parent POM), which are generated from the API server's OpenAPI document: each
 * model lists its {@code openapiFields} and {@code openapiRequiredFields}, and its fields carry the
 * JSON names and types. An {@code apiVersion}/{@code kind} is served when the client's API class
 * for that group and version ({@code AppsV1Api} for {@code apps/v1}) creates objects of that model.
 */
final class KubernetesTypes {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final String APIS = "io.kubernetes.client.openapi.apis.";

    private final Map<Class<?>, Map<String, Field>> fieldsByModel = new HashMap<>();

    /** The client release the types are read from, as Maven coordinates. */
    static String release() {
        try (InputStream in =
                IntOrString.class.getResourceAsStream("/META-INF/maven/io.kubernetes/client-java-api/pom.properties")) {
            Properties properties = new Properties();
            properties.load(Objects.requireNonNull(in, "the client jar's pom.properties"));
            return "io.kubernetes:client-java-api:" + properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code resource} against its API type; empty when it passes. */
    List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        Class<?> model = servedModel(apiVersion, kind);
        if (model == null) {
            return List.of(kind + " " + apiVersion + " is not a type Kubernetes serves (" + release() + ")");
        }
        List<String> problems = new ArrayList<>();
        check(resource, model, "", problems);
        return problems;
    }

    /** What is wrong with each object of {@code rendered} the operators do not govern. */
    List<String> problems(Rendered rendered, CrdSchemas operators) {
        return rendered.problems(resource -> !operators.governs(resource), this::problems);
    }

    private static Class<?> servedModel(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (version.isEmpty() || kind.isEmpty()) {
            return null;
        }
        Class<?> model = load(MODELS + capitalised(version) + kind);
        Class<?> api = load(APIS + apiClassPrefix(group) + capitalised(version) + "Api");
        if (model == null || api == null) {
            return null;
        }
        boolean created = Arrays.stream(api.getMethods())
                .filter(m -> m.getName().equals("createNamespaced" + kind)
                        || m.getName().equals("create" + kind))
                .map(Method::getParameterTypes)
                .anyMatch(parameters -> Arrays.asList(parameters).contains(model));
        return created ? model : null;
    }

    /** {@code networking.k8s.io} → {@code Networking}, {@code rbac.authorization.k8s.io} → {@code RbacAuthorization}. */
    private static String apiClassPrefix(String group) {
        StringBuilder prefix = new StringBuilder();
        for (String label : group.replace(".k8s.io", "").split("\\.")) {
            prefix.append(capitalised(label));
        }
        return prefix.toString();
    }

    private void check(JsonNode value, Type type, String path, List<String> problems) {
        if (value.isNull()) {
            return; // the API server takes null as "not set" for any optional field
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[parameterized.getActualTypeArguments().length - 1];
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array, found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), element, path + "/" + i, problems);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object, found " + value.getNodeType());
                    return;
                }
                value.fields().forEachRemaining(e -> check(e.getValue(), element, path + "/" + e.getKey(), problems));
            }
            return;
        }
        Class<?> expected = (Class<?>) type;
        String mismatch = scalarMismatch(value, expected);
        if (mismatch != null) {
            problems.add(path + ": expected " + mismatch + ", found " + value.getNodeType() + " " + value);
        } else if (expected.getName().startsWith(MODELS)) {
            checkModel(value, expected, path, problems);
        }
    }

    /** What JSON {@code expected} needs when {@code value} is not that; null when it fits. */
    private static String scalarMismatch(JsonNode value, Class<?> expected) {
        if (expected == String.class || expected == OffsetDateTime.class || expected == byte[].class) {
            return value.isTextual() ? null : "a string";
        }
        if (expected == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt() ? null : "a 32-bit integer";
        }
        if (expected == Long.class) {
            return value.isIntegralNumber() && value.canConvertToLong() ? null : "a 64-bit integer";
        }
        if (expected == Double.class || expected == Float.class) {
            return value.isNumber() ? null : "a number";
        }
        if (expected == Boolean.class) {
            return value.isBoolean() ? null : "a boolean";
        }
        if (expected == IntOrString.class) {
            return value.isTextual() || (value.isIntegralNumber() && value.canConvertToInt())
                    ? null
                    : "an int or a string";
        }
        if (expected == Quantity.class) {
            return value.isTextual() || value.isNumber() ? null : "a quantity";
        }
        if (expected.getName().startsWith(MODELS)) {
            return value.isObject() ? null : "an object";
        }
        return null; // Object: free-form JSON (a RawExtension, an annotation's value)
    }

    private void checkModel(JsonNode object, Class<?> model, String path, List<String> problems) {
        Map<String, Field> fields = fieldsOf(model);
        object.fields().forEachRemaining(e -> {
            Field field = fields.get(e.getKey());
            if (field == null) {
                problems.add(path + "/" + e.getKey() + ": unknown field (" + model.getSimpleName() + " has "
                        + fields.keySet().stream().sorted().toList() + ")");
            } else {
                check(e.getValue(), field.getGenericType(), path + "/" + e.getKey(), problems);
            }
        });
        for (String required : staticSet(model, "openapiRequiredFields")) {
            if (!object.has(required)) {
                problems.add(path + ": missing required field " + required + " of " + model.getSimpleName());
            }
        }
    }

    /** A model's JSON field names (its {@code openapiFields}) with the Java fields that type them. */
    private Map<String, Field> fieldsOf(Class<?> model) {
        return fieldsByModel.computeIfAbsent(model, m -> {
            Set<String> declared = staticSet(m, "openapiFields");
            Map<String, Field> fields = new HashMap<>();
            for (Field field : m.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(field.getModifiers()) && declared.contains(name.value())) {
                    fields.put(name.value(), field);
                }
            }
            if (!fields.keySet().equals(declared)) {
                throw new IllegalStateException(m + " declares " + declared + " but types only " + fields.keySet());
            }
            return fields;
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> staticSet(Class<?> model, String name) {
        try {
            return (Set<String>) model.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no " + name, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
