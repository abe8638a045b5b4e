package cn.bqw.platform.events;

/**
 * An event a service records in its outbox: {@code type} like {@code bqw.division.registered.v1},
 * {@code key} the aggregate key (also the Kafka key and the CloudEvents subject), {@code data} a
 * record with the aggregate's whole new state and version.
 */
public record DomainEvent(Topic topic, String type, String key, Object data) {}
