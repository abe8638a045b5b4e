package cn.bqw.platform.events;

/**
 * One kind of event a service publishes. Each service lists its kinds in an enum implementing this,
 * and its AsyncAPI document is checked against that enum.
 */
public interface EventType {

    /** Like {@code bqw.division.registered.v1}. */
    String type();

    Topic topic();

    /** The record carried as the event's data. */
    Class<? extends Record> dataType();

    /** The event of this kind for the aggregate {@code key} with its new state. */
    default DomainEvent of(String key, Record data) {
        if (!dataType().isInstance(data)) {
            throw new IllegalArgumentException(type() + " carries " + dataType().getSimpleName());
        }
        return new DomainEvent(topic(), type(), key, data);
    }
}
