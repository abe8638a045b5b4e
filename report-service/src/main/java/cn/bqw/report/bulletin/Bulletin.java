package cn.bqw.report.bulletin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A published edition; the table refuses any change once it is written. */
@Entity
@Table(name = "bulletin")
public class Bulletin extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "region_code")
    public String regionCode;

    public int year;

    public int number;

    @Column(name = "as_of")
    public String asOf;

    public String view;

    public String title;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public Long corrects;

    @Column(name = "last_event_at")
    public OffsetDateTime lastEventAt;

    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;

    /** The canonical JSON text the digest is of, kept as written. */
    public String content;

    public String sha256;
}
