package cn.bqw.platform.input;

import cn.bqw.platform.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Query, path and header parameters read strictly, and a parameter that cannot be read is a 400
 * naming it (JAX-RS would answer a bare 404): a flag is {@code true} or {@code false} — never
 * "anything else is false", which would let {@code dryRun=yes} write for real — a number is a
 * whole number in range, an enum one of its names.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, StrictParams::flag, rawType.isPrimitive() ? false : null);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>)
                    converter(name, text -> whole(text, Integer::valueOf), rawType.isPrimitive() ? 0 : null);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>)
                    converter(name, text -> whole(text, Long::valueOf), rawType.isPrimitive() ? 0L : null);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) converter(name, text -> constant(rawType, text), null);
        }
        return null;
    }

    /** {@code absent}: what an absent or empty parameter means (the framework hands over "" for both). */
    private static <T> ParamConverter<T> converter(String name, Function<String, T> read, T absent) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return absent;
                }
                try {
                    return read.apply(value);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, e.getMessage() + ", not '" + shortened(value) + "'");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> constant ? constant.name() : value.toString();
            }
        };
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Boolean flag(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static <N> N whole(String text, Function<String, N> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number in range");
        }
    }

    private static Object constant(Class<?> type, String text) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> ((Enum<?>) constant).name().equals(text))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
