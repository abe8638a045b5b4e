package cn.bqw.task.figure;

import cn.bqw.task.TasksConfig;
import cn.bqw.task.task.TaskView.IndicatorFigure;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Figures from report-service's own report of the region (all values, provisional ones included:
 * the office chases today's figure, not last month's approved one), read with a reader token.
 */
@ApplicationScoped
public class ReportFigures implements FigureSource {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    @RestClient
    ReportClient client;

    @Inject
    TasksConfig config;

    /** Whether a token to read report-service with is configured. */
    public boolean configured() {
        return config.figures().token().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS)
    public Map<String, IndicatorFigure> figures(String region, int year) {
        return read(client.region("Bearer " + config.figures().token().orElseThrow(), region, year));
    }

    /** Each indicator with a value in the report, its progress ratio turned into points. */
    static Map<String, IndicatorFigure> read(JsonNode report) {
        Map<String, IndicatorFigure> figures = new LinkedHashMap<>();
        String asOf = report.path("asOf").asText(null);
        for (JsonNode campaign : report.path("campaigns")) {
            for (JsonNode indicator : campaign.path("indicators")) {
                JsonNode assessment = indicator.path("assessment");
                BigDecimal actual = number(assessment.path("actual"));
                if (actual == null || asOf == null) {
                    continue;
                }
                BigDecimal progress = number(assessment.path("progress"));
                figures.put(
                        indicator.path("code").asText(),
                        new IndicatorFigure(
                                actual,
                                number(assessment.path("target")),
                                progress == null
                                        ? null
                                        : progress.multiply(HUNDRED)
                                                .setScale(2, RoundingMode.HALF_EVEN)
                                                .stripTrailingZeros(),
                                asOf));
            }
        }
        return figures;
    }

    private static BigDecimal number(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }
}
