package cn.bqw.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Chinese names of codes (statuses, county classes, campaigns, units, …) and the decimals each
 * unit is written with, for the exports: read from the dashboard's own {@code labels.json}, so a
 * sheet and the page a leader reads name things the same way.
 */
public final class Labels {

    /** Scores (0–100) are written with one decimal, whatever the unit. */
    public static final String SCORE = "score";
    /** Progress and expected pace, ratios written as percentages. */
    public static final String PROGRESS = "progress";

    private static final JsonNode LABELS = load();

    private Labels() {}

    /** The Chinese name of {@code code} in a group ({@code statuses}, {@code classes}, …); the code itself when unnamed. */
    public static String zh(String group, String code) {
        if (code == null) {
            return null;
        }
        JsonNode name = LABELS.path(group).path(code).path("zh");
        return name.isTextual() ? name.asText() : code;
    }

    /** The Chinese unit as written after a number ({@code mu} → 亩); the unit itself when unnamed. */
    public static String unit(String unit) {
        if (unit == null || SCORE.equals(unit) || PROGRESS.equals(unit)) {
            return "";
        }
        return zh("units", unit);
    }

    /** How many decimals a figure in {@code unit} is written with (also {@link #SCORE} and {@link #PROGRESS}). */
    public static int decimals(String unit) {
        JsonNode rule = SCORE.equals(unit) || PROGRESS.equals(unit)
                ? LABELS.path(unit)
                : LABELS.path("units").path(String.valueOf(unit));
        return (rule.has("decimals") ? rule : LABELS.path("otherUnit"))
                .path("decimals")
                .asInt();
    }

    /** A figure as people write it in {@code unit}: rounded half up to the unit's decimals. */
    public static BigDecimal rounded(BigDecimal value, String unit) {
        return value == null ? null : value.setScale(decimals(unit), RoundingMode.HALF_UP);
    }

    /** A ratio (progress, expected pace) as a percentage written with one decimal: 0.91666 → 91.7. */
    public static BigDecimal percentage(BigDecimal ratio) {
        return ratio == null ? null : rounded(ratio.movePointRight(2), PROGRESS);
    }

    /** A status's colour on the dashboard, as RGB hex without the {@code #}. */
    public static String colour(String status) {
        JsonNode colour = LABELS.path("statuses").path(status).path("colour");
        return colour.isTextual() ? colour.asText().substring(1).toUpperCase() : "9E9E9E";
    }

    private static JsonNode load() {
        try (InputStream in = Labels.class.getResourceAsStream("/META-INF/resources/labels.json")) {
            if (in == null) {
                throw new IllegalStateException("labels.json is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
