package cn.bqw.platform.events;

/**
 * What every consuming transaction does before it touches a table, when a service provides one:
 * report-service's waits while a rebuild swaps its projection tables, so that no transaction reads
 * {@code processed_event} in the old tables and writes its effects into the new ones.
 */
public interface ConsumerGate {

    void enter();
}
