package cn.bqw.launcher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The programme's indicator catalogue ({@code catalogue/indicators.csv}, indicator-service's own
 * resource, packed into the launcher by its build): the generator reads the attributes that decide
 * what to report and how it adds up, and the 2025 city targets.
 */
public record Catalogue(List<Indicator> indicators, String csv) {

    static final String RESOURCE = "catalogue/indicators.csv";

    /** One row of the reference file. */
    public record Indicator(
            String code,
            String nameZh,
            String campaign,
            String unit,
            String aggregation,
            String overTime,
            String direction,
            String reportedAt,
            String frequency,
            BigDecimal cityTarget,
            String targetRule) {

        boolean flow() {
            return "FLOW".equals(overTime);
        }

        boolean up() {
            return "UP".equals(direction);
        }
    }

    public static Catalogue load() {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Catalogue(parse(csv), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Indicator get(String code) {
        return indicators.stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + code));
    }

    static List<Indicator> parse(String csv) throws IOException {
        List<Indicator> indicators = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(csv))) {
            List<String> header = cells(reader.readLine());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = cells(line);
                String target = row.get(header.indexOf("city_target_2025"));
                indicators.add(new Indicator(
                        row.get(header.indexOf("code")),
                        row.get(header.indexOf("name_zh")),
                        row.get(header.indexOf("campaign")),
                        row.get(header.indexOf("unit")),
                        row.get(header.indexOf("aggregation")),
                        row.get(header.indexOf("over_time")),
                        row.get(header.indexOf("direction")),
                        row.get(header.indexOf("reported_at")),
                        row.get(header.indexOf("frequency")),
                        target.isBlank() ? null : new BigDecimal(target),
                        row.get(header.indexOf("target_rule"))));
            }
        }
        return List.copyOf(indicators);
    }

    /** The cells of one CSV line (RFC 4180 quoting; the reference file has no line breaks in cells). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
