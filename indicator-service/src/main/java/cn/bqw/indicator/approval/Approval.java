package cn.bqw.indicator.approval;

import cn.bqw.indicator.catalogue.Campaign;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** The approval state of one region's figures for one period and campaign; no row means OPEN. */
@Entity
@IdClass(Approval.Key.class)
public class Approval extends PanacheEntityBase {

    @Id
    public String regionCode;

    @Id
    public String period;

    @Id
    @Enumerated(EnumType.STRING)
    public Campaign campaign;

    @Enumerated(EnumType.STRING)
    public ApprovalState state;

    public String reason;

    public String changedBy;

    public OffsetDateTime changedAt;

    @Version
    public long version;

    /** The key: region, period, campaign. */
    public record Key(String regionCode, String period, Campaign campaign) {

        /** As events and the audit trail name the unit: {@code region|period|campaign}. */
        public String text() {
            return regionCode + "|" + period + "|" + campaign;
        }
    }
}
