package cn.bqw.report.bulletin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;

/** A published edition; the table refuses any change once it is written. */
@Entity
public class Bulletin extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String regionCode;

    public int year;

    public int number;

    public String asOf;

    public String view;

    public String title;

    public OffsetDateTime publishedAt;

    public String publishedBy;

    public Long corrects;

    public OffsetDateTime lastEventAt;

    public OffsetDateTime appliedAt;

    /** The canonical JSON text the digest is of, kept as written. */
    public String content;

    public String sha256;
}
