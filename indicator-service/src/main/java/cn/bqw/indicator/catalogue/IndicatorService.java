package cn.bqw.indicator.catalogue;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.ChangeRecorder;
import cn.bqw.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Defines, changes and lists the indicators of the catalogue; every change is audited and published. */
@ApplicationScoped
public class IndicatorService {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    /** How indicators are audited and published. */
    public static final ChangeRecorder.Kind<IndicatorView> KIND = new ChangeRecorder.Kind<>(
            "indicator", IndicatorEvents.DEFINED, IndicatorEvents.UPDATED, IndicatorView::code);

    @Inject
    IndicatorMapper mapper;

    @Inject
    ChangeRecorder recorder;

    @Inject
    EntityManager entityManager;

    /** Defines the indicator, or replaces its definition when {@code ifMatch} names its current version. */
    @Transactional
    public Change<IndicatorView> put(String code, IndicatorRequest request, String ifMatch) {
        Indicator existing = Indicator.findById(code);
        if (existing != null) {
            Versions.requireMatch(ifMatch, existing.version);
        }
        Change<IndicatorView> change = save(code, existing, request);
        recorder.record(KIND, List.of(change));
        return change;
    }

    /**
     * Applies {@code request} to {@code existing} (null: a new indicator) without auditing or
     * publishing: the caller passes the change to the {@link ChangeRecorder}.
     */
    public Change<IndicatorView> save(String code, Indicator existing, IndicatorRequest request) {
        check(code, request);
        if (existing == null) {
            Indicator indicator = new Indicator();
            indicator.code = code;
            mapper.apply(request, indicator);
            return indicator.created(() -> mapper.toView(indicator));
        }
        IndicatorView before = mapper.toView(existing);
        boolean rollUpChanges =
                request.aggregation() != existing.aggregation || request.overTime() != existing.overTime;
        if (rollUpChanges && hasObservations(code)) {
            throw ProblemException.conflict("indicator " + code
                    + " has observations: its aggregation and over-time cannot change (define a new indicator)");
        }
        mapper.apply(request, existing);
        return existing.updated(before, () -> mapper.toView(existing));
    }

    public IndicatorView get(String code) {
        Indicator indicator = Indicator.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        return mapper.toView(indicator);
    }

    /** One indicator, if the catalogue has it; none for a code no indicator could have. */
    public Optional<IndicatorView> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Indicator.<Indicator>findByIdOptional(code).map(mapper::toView);
    }

    /** The catalogue, or one campaign of it, by code. */
    public List<IndicatorView> list(Campaign campaign) {
        List<Indicator> indicators = campaign == null
                ? Indicator.listAll(Sort.by("code"))
                : Indicator.list("campaign", Sort.by("code"), campaign);
        return indicators.stream().map(mapper::toView).toList();
    }

    private boolean hasObservations(String code) {
        return (Boolean) entityManager
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM observation WHERE indicator_code = ?1)")
                .setParameter(1, code)
                .getSingleResult();
    }

    /** The rules of DESIGN.md §5 that a definition must keep beyond its fields' own. */
    static void check(String code, IndicatorRequest request) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be upper-case letters, digits and _, like RURAL_TOILET");
        }
        if (request.validMin() != null
                && request.validMax() != null
                && request.validMin().compareTo(request.validMax()) > 0) {
            throw ProblemException.invalid("validMin", "must not be above validMax");
        }
        boolean villageFlags =
                request.aggregation() == Aggregation.COUNT_TRUE || request.aggregation() == Aggregation.SHARE_TRUE;
        if (villageFlags && request.reportedAt() != ReportingLevel.VILLAGE) {
            throw ProblemException.invalid(
                    "reportedAt", request.aggregation() + " counts villages' 0/1 values: it is reported at VILLAGE");
        }
    }
}
