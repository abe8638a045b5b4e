package cn.bqw.report.bulletin;

import cn.bqw.platform.api.CanonicalJson;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.report.reporting.RegionReport;
import cn.bqw.report.reporting.ReportService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes bulletins (通报): a region's report for a year and as-of month — and, for the city the
 * reports rank, its county rankings and urban–rural gaps — frozen as canonical JSON with its
 * SHA-256, numbered per region and year. Nothing changes one afterwards; a correction is a new
 * edition naming the one it corrects.
 */
@ApplicationScoped
public class BulletinService {

    @Inject
    ReportService reports;

    @Inject
    RegionReplica regions;

    @Inject
    RegionAccess access;

    @Inject
    CurrentActor actor;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional
    public BulletinView publish(BulletinRequest request) {
        // Whose region it is before anything about it (Permission.BULLETIN_PUBLISH).
        access.require(Permission.BULLETIN_PUBLISH, request.region());
        RegionRecord region = regions.find(List.of(request.region())).get(request.region());
        if (region == null || !region.active()) {
            throw ProblemException.invalid("region", request.region() + " is not an active division");
        }
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
        RegionReport report = reports.region(request.region(), request.year(), request.asOf());
        ObjectNode content = json.createObjectNode();
        content.set("report", json.valueToTree(report));
        if (request.region().equals(reports.city())) {
            content.set("rankings", json.valueToTree(reports.rankings(request.year(), report.asOf(), null)));
            content.set("gaps", json.valueToTree(reports.gaps(request.year(), report.asOf())));
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
        bulletin.view = "all";
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
