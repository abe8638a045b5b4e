package cn.bqw.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Carries a trace from the write that records an event to the consumer that applies it: the
 * outbox keeps the writer's W3C trace context, the relay sends it as the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}), and the consumer adds a span per event
 * under it — so one trace shows a POST and the report update it caused. Tracing is off unless the
 * OpenTelemetry SDK is enabled ({@code QUARKUS_OTEL_SDK_DISABLED=false}); then nothing is kept.
 */
@ApplicationScoped
public class EventTraces {

    /** The CloudEvents extension attribute (header {@code ce_traceparent}). */
    public static final String EXTENSION = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(EXTENSION);
        }

        @Override
        public String get(String carrier, String key) {
            return EXTENSION.equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The trace context of the work in progress, as a {@code traceparent}; null when it is not traced. */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /**
     * Records that {@code consumer} applied {@code events} in work that began at {@code started}:
     * a consumer span per traced event, a child of the span that wrote it.
     */
    public void applied(String consumer, List<IncomingEvent> events, Instant started) {
        for (IncomingEvent event : events) {
            Context parent = parent(event.traceparent());
            if (parent == null) {
                continue;
            }
            tracer.spanBuilder("apply " + event.type())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setStartTimestamp(started)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.consumer.group.name", consumer)
                    .setAttribute("messaging.message.id", event.id())
                    .setAttribute("messaging.batch.message_count", events.size())
                    .startSpan()
                    .end();
        }
    }

    /** The context a {@code traceparent} names; null when there is none or it is malformed. */
    static Context parent(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }
}
