package cn.bqw.report.aggregate;

/** An observation as a live consumer received it: its state, and the topic partition it came on. */
public record Received(ObservationState state, int partition) {}
