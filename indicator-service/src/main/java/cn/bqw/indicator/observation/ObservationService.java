package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.IndicatorService;
import cn.bqw.indicator.catalogue.IndicatorView;
import cn.bqw.indicator.locking.LockService;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.input.Filters;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Records single values, and answers the current values and each key's revisions. */
@ApplicationScoped
public class ObservationService {

    /** The programme's calendar: a period has begun when it has begun in China. */
    @Inject
    RegionAccess regionAccess;

    @Inject
    IndicatorService indicators;

    @Inject
    LockService locks;

    @Inject
    ObservationWriter writer;

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The rules of this moment's catalogue and date, for one request. */
    ObservationRules rules() {
        Map<String, IndicatorView> catalogue =
                indicators.list(null).stream().collect(Collectors.toMap(IndicatorView::code, Function.identity()));
        return new ObservationRules(catalogue, LocalDate.now(Period.PROGRAMME_ZONE));
    }

    /** The same for a single value: only its own indicator is read (a post read the whole catalogue). */
    private ObservationRules rulesFor(String indicator) {
        Map<String, IndicatorView> catalogue = new HashMap<>();
        indicators.find(indicator).ifPresent(view -> catalogue.put(view.code(), view));
        return new ObservationRules(catalogue, LocalDate.now(Period.PROGRAMME_ZONE));
    }

    /**
     * Records one value, or throws why it cannot be; the answer is remembered under the request's
     * Idempotency-Key in the same transaction.
     */
    @Transactional
    public ObservationWriter.Outcome record(ObservationRequest request) {
        // Whose region it is before anything else about the value (Permission.OBSERVATION_RECORD).
        regionAccess.requireWrite(request.region());
        Candidate candidate = rulesFor(request.indicator()).check(request);
        ObservationWriter.Outcome outcome = writer.write(
                        List.of(candidate), ObservationWriter.Basis.forSingleWrite(locks.inForceFor(candidate.region)))
                .get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        idempotentRequests.remember(status(outcome), toJson(outcome.recorded()));
        return outcome;
    }

    static int status(ObservationWriter.Outcome outcome) {
        return outcome.effect() == WriteEffect.CREATED ? 201 : 200;
    }

    /** Current values, filtered by any of indicator, region, period and area, by key. */
    public Page<ObservationView> list(String indicator, String region, String period, Area area, int page, int size) {
        Page.requireReachable(page, size);
        Filters.indicatorCode("indicator", indicator);
        Filters.divisionCode("region", region);
        Filters.period("period", period);
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter(where, parameters, "indicator_code", indicator);
        filter(where, parameters, "region_code", region);
        filter(where, parameters, "period", period);
        filter(where, parameters, "area", area == null ? null : area.name());
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM observation" + where)) {
                bind(count, parameters);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<ObservationView> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ObservationRows.COLUMNS
                    + " FROM observation" + where
                    + " ORDER BY indicator_code, period, area, region_code LIMIT ? OFFSET ?")) {
                bind(select, parameters);
                select.setInt(parameters.size() + 1, size);
                select.setLong(parameters.size() + 2, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(ObservationRows.read(rows));
                    }
                }
            }
            return new Page<>(items, total, page, size);
        });
    }

    /** Every version of one key, oldest first, with who recorded it and when. */
    public List<ObservationView> history(String indicator, String region, String period, Area area) {
        Area of = area == null ? Area.TOTAL : area;
        String where = " WHERE indicator_code = ? AND region_code = ? AND period = ? AND area = ?";
        List<ObservationView> versions = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ObservationRows.COLUMNS + " FROM observation_revision" + where + " UNION ALL SELECT "
                            + ObservationRows.COLUMNS + " FROM observation" + where + " ORDER BY version")) {
                for (int table = 0; table < 2; table++) {
                    select.setString(table * 4 + 1, indicator);
                    select.setString(table * 4 + 2, region);
                    select.setString(table * 4 + 3, period);
                    select.setString(table * 4 + 4, of.name());
                }
                List<ObservationView> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(ObservationRows.read(rows));
                    }
                }
                return found;
            }
        });
        if (versions.isEmpty()) {
            throw ProblemException.notFound(
                    "observation", new Candidate.ValueKey(indicator, region, period, of).toString());
        }
        return versions;
    }

    private static void filter(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
