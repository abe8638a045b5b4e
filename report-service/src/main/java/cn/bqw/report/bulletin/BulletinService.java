package cn.bqw.report.bulletin;

import cn.bqw.platform.api.CanonicalJson;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.jdbc.Timestamps;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionWrites;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Permission;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.ledger.TaskLedger;
import cn.bqw.report.ledger.TaskLedgerService;
import cn.bqw.report.reporting.GapReports;
import cn.bqw.report.reporting.Ranking;
import cn.bqw.report.reporting.Rankings;
import cn.bqw.report.reporting.RegionReport;
import cn.bqw.report.reporting.RegionReports;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes bulletins (通报): a region's report for a year and as-of month — and, for the city the
 * reports rank, its county rankings and urban–rural gaps — frozen as canonical JSON with its
 * SHA-256, numbered per region and year. Nothing changes one afterwards; a correction is a new
 * edition naming the one it corrects.
 */
@ApplicationScoped
public class BulletinService {

    @Inject
    RegionReports reports;

    @Inject
    Rankings rankings;

    @Inject
    GapReports gaps;

    @Inject
    TaskLedgerService ledger;

    @Inject
    RegionWrites regionWrites;

    @Inject
    CurrentActor actor;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional
    public BulletinView publish(BulletinRequest request) {
        RegionRecord region = regionWrites.require(Permission.BULLETIN_PUBLISH, request.region());
        if (request.corrects() != null) {
            Bulletin corrected = Bulletin.findById(request.corrects());
            if (corrected == null
                    || !corrected.regionCode.equals(request.region())
                    || corrected.year != request.year()) {
                throw ProblemException.invalid(
                        "corrects",
                        "must be an edition of the same region and year; " + request.corrects() + " is not");
            }
        }
        View view = View.parse(request.view());
        RegionReport report = reports.region(request.region(), request.year(), request.asOf(), view);
        ObjectNode content = json.createObjectNode();
        content.set("report", json.valueToTree(report));
        // An edition ranks the divisions below its region where they have targets (a province's
        // cities, a city's counties, a county's townships), and gives the region's urban–rural gaps.
        if (region.level() != DivisionLevel.VILLAGE && region.level() != DivisionLevel.TOWNSHIP) {
            Ranking ranking = rankings.rankings(request.year(), report.asOf(), null, view, request.region());
            if (!ranking.counties().isEmpty()) {
                content.set("rankings", json.valueToTree(ranking));
            }
            content.set("gaps", json.valueToTree(gaps.gaps(request.year(), report.asOf(), view, request.region())));
        }
        // The 督办 ledger's summary, where the region has tasks: counts, departments' on-time rates, the overdue list.
        TaskLedger tasks = ledger.ledger(request.region());
        if (tasks.tasks() > 0) {
            ObjectNode summary = json.valueToTree(tasks);
            summary.remove("lines");
            content.set("tasks", summary);
        }
        JsonNode canonical = CanonicalJson.of(content);
        // One numbering per region and year: publishers of the same one queue here.
        entityManager
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS numbering")
                .setParameter(1, "bulletin|" + request.region() + "|" + request.year())
                .getSingleResult();
        Bulletin bulletin = new Bulletin();
        bulletin.regionCode = request.region();
        bulletin.year = request.year();
        bulletin.number = ((Number) entityManager
                        .createNativeQuery(
                                "SELECT coalesce(max(number), 0) + 1 FROM bulletin WHERE region_code = ?1 AND year = ?2")
                        .setParameter(1, request.region())
                        .setParameter(2, request.year())
                        .getSingleResult())
                .intValue();
        bulletin.asOf = report.asOf();
        bulletin.view = view.text();
        bulletin.title = region.nameZh() + "百千万工程" + request.year() + "年第" + bulletin.number + "期通报";
        bulletin.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        bulletin.publishedBy = actor.name();
        bulletin.corrects = request.corrects();
        if (report.freshness() != null) {
            bulletin.lastEventAt = report.freshness().lastEventAt();
            bulletin.appliedAt = report.freshness().appliedAt();
        }
        bulletin.content = canonical.toString();
        bulletin.sha256 = CanonicalJson.sha256(canonical);
        bulletin.persist();
        return view(bulletin, true);
    }

    /** A region's editions of a year, newest first, without their content. */
    @Transactional
    public List<BulletinView> list(String region, Integer year) {
        List<Bulletin> found = year == null
                ? Bulletin.list("regionCode", Sort.descending("year", "number"), region)
                : Bulletin.list("regionCode = ?1 and year = ?2", Sort.descending("number"), region, year);
        return found.stream().map(b -> view(b, false)).toList();
    }

    @Transactional
    public BulletinView get(long id) {
        Bulletin bulletin = Bulletin.findById(id);
        if (bulletin == null) {
            throw ProblemException.notFound("bulletin", Long.toString(id));
        }
        return view(bulletin, true);
    }

    /**
     * What differs now from edition {@code id}: the region's figures recomputed for the same year and
     * as-of month against the published ones, and the ranking's counties.
     */
    @Transactional
    public BulletinChanges changes(long id) {
        BulletinView edition = get(id);
        JsonNode now = json.valueToTree(
                reports.region(edition.region(), edition.year(), edition.asOf(), View.parse(edition.view())));
        Map<String, JsonNode> current = new HashMap<>();
        now.path("campaigns").forEach(c -> c.path("indicators")
                .forEach(i -> current.put(i.path("code").asText(), i)));
        int month = Period.parse(edition.asOf()).orElseThrow().lastMonth();
        List<BulletinChanges.Figure> figures = new ArrayList<>();
        for (JsonNode campaign : edition.content().path("report").path("campaigns")) {
            for (JsonNode then : campaign.path("indicators")) {
                String code = then.path("code").asText();
                JsonNode later = current.get(code);
                BigDecimal published = decimal(then.path("assessment").path("actual"));
                BigDecimal value =
                        later == null ? null : decimal(later.path("assessment").path("actual"));
                String statusThen = then.path("assessment").path("status").asText(null);
                String statusNow = later == null
                        ? null
                        : later.path("assessment").path("status").asText(null);
                if (!sameNumber(published, value) || !Objects.equals(statusThen, statusNow)) {
                    figures.add(new BulletinChanges.Figure(
                            code,
                            then.path("nameZh").asText(),
                            edition.region(),
                            published,
                            value,
                            statusThen,
                            statusNow,
                            revisions(code, edition, month)));
                }
            }
        }
        return new BulletinChanges(
                edition.id(), edition.region(), edition.asOf(), edition.publishedAt(), figures, counties(edition));
    }

    private List<BulletinChanges.County> counties(BulletinView edition) {
        JsonNode published = edition.content().path("rankings").path("counties");
        if (published.isEmpty()) {
            return List.of();
        }
        Map<String, JsonNode> now = new HashMap<>();
        json.<JsonNode>valueToTree(rankings.rankings(
                        edition.year(), edition.asOf(), null, View.parse(edition.view()), edition.region()))
                .path("counties")
                .forEach(county -> now.put(county.path("region").asText(), county));
        List<BulletinChanges.County> moved = new ArrayList<>();
        for (JsonNode then : published) {
            JsonNode later = now.get(then.path("region").asText());
            BigDecimal scoreThen = decimal(then.path("score"));
            BigDecimal scoreNow = later == null ? null : decimal(later.path("score"));
            Integer rankThen = then.path("rank").isInt() ? then.path("rank").asInt() : null;
            Integer rankNow = later != null && later.path("rank").isInt()
                    ? later.path("rank").asInt()
                    : null;
            if (!sameNumber(scoreThen, scoreNow) || !Objects.equals(rankThen, rankNow)) {
                moved.add(new BulletinChanges.County(
                        then.path("region").asText(),
                        then.path("nameZh").asText(),
                        scoreThen,
                        scoreNow,
                        rankThen,
                        rankNow));
            }
        }
        return moved;
    }

    @SuppressWarnings("unchecked")
    private List<BulletinChanges.Revision> revisions(String indicator, BulletinView edition, int month) {
        DivisionCode.Subtree subtree =
                DivisionCode.parse(edition.region()).orElseThrow().subtree();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT region_code, period, area, value, replaced_value, version, recorded_by, recorded_at
                        FROM fact
                        WHERE indicator_code = ?1 AND recorded_at > ?2 AND year = ?3 AND first_month <= ?4
                          AND region_code >= ?5 AND region_code < ?6
                        ORDER BY recorded_at, region_code
                        LIMIT 200""",
                        Object[].class)
                .setParameter(1, indicator)
                .setParameter(2, edition.publishedAt())
                .setParameter(3, edition.year())
                .setParameter(4, month)
                .setParameter(5, subtree.first())
                .setParameter(6, subtree.end())
                .getResultList();
        return rows.stream()
                .map(row -> new BulletinChanges.Revision(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (BigDecimal) row[3],
                        (BigDecimal) row[4],
                        ((Number) row[5]).longValue(),
                        (String) row[6],
                        Timestamps.offsetDateTime(row[7])))
                .toList();
    }

    private static BigDecimal decimal(JsonNode number) {
        return number == null || !number.isNumber() ? null : number.decimalValue();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The region report as published in edition {@code id}, for the spreadsheet exports. */
    @Transactional
    public RegionReport publishedReport(long id) {
        try {
            return json.treeToValue(get(id).content().path("report"), RegionReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + id + " holds no report", e);
        }
    }

    /** The content exactly as published: the bytes whose SHA-256 the edition states. */
    @Transactional
    public String content(long id) {
        Bulletin bulletin = Bulletin.findById(id);
        if (bulletin == null) {
            throw ProblemException.notFound("bulletin", Long.toString(id));
        }
        return bulletin.content;
    }

    private BulletinView view(Bulletin b, boolean withContent) {
        JsonNode content = null;
        if (withContent) {
            try {
                content = json.reader()
                        .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readTree(b.content);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("bulletin " + b.id + " holds no JSON", e);
            }
        }
        return new BulletinView(
                b.id,
                b.regionCode,
                b.year,
                b.number,
                b.title,
                b.asOf,
                b.view,
                b.publishedAt,
                b.publishedBy,
                b.corrects,
                b.lastEventAt,
                b.appliedAt,
                b.sha256,
                content);
    }
}
