package cn.bqw.platform.events;

/**
 * One kind of event a service publishes. Each service lists its kinds in an enum implementing this,
 * each constant holding its {@link Definition}, and its AsyncAPI document is checked against that
 * enum.
 */
public interface EventType {

    /** A kind of event: its type (from {@link EventNames}), its topic, and the record its data is. */
    record Definition(String type, Topic topic, Class<? extends Record> dataType) {}

    Definition definition();

    /** Like {@code bqw.division.registered.v1}. */
    default String type() {
        return definition().type();
    }

    default Topic topic() {
        return definition().topic();
    }

    /** The record carried as the event's data. */
    default Class<? extends Record> dataType() {
        return definition().dataType();
    }

    /** The event of this kind for the aggregate {@code key} with its new state. */
    default DomainEvent of(String key, Record data) {
        if (!dataType().isInstance(data)) {
            throw new IllegalArgumentException(type() + " carries " + dataType().getSimpleName());
        }
        return new DomainEvent(topic(), type(), key, data);
    }
}
