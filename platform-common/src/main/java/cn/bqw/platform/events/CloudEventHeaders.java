package cn.bqw.platform.events;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding in binary mode: the event's
 * attributes travel as {@code ce_*} headers and the record value is the event data, plain JSON.
 * The SmallRye Kafka connector reads these into {@code IncomingKafkaCloudEventMetadata}.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute: who made the change (a token's subject, or {@code system}). */
    public static final String ACTOR = "ce_actor";
    /** The CloudEvents distributed-tracing extension: the W3C trace context of the write. */
    public static final String TRACEPARENT = "ce_traceparent";

    public static final String ACTOR_EXTENSION = "actor";

    private CloudEventHeaders() {}
}
