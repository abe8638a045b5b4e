package cn.bqw.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;

/** Turns Jackson's reading errors into a field path and a reason a client understands. */
public final class JsonErrors {

    private JsonErrors() {}

    /** Says what was expected in the client's terms, without our Java type names. */
    public static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException refused && refused.getTargetType() == String.class) {
            // A string that is JSON but not text we store (control characters, broken characters).
            return e.getOriginalMessage();
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "cannot be read";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date written as a string like \"2025-06-30\"";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "has the wrong type";
    }

    public static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
