package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends history events with sequential ids and tells the listener, under one lock so that ids,
 * list order and listener calls agree even when branches record concurrently. Without history (an EXPRESS
 * StartSyncExecution) it only counts the ids, which error causes quote.
 */
final class HistoryRecorder {
    private static final System.Logger LOG = System.getLogger(HistoryRecorder.class.getName());
    private static final Map<String, String> DETAILS_FIELDS = new ConcurrentHashMap<>();
    private final EngineClock clock;
    private final ExecutionListener listener;
    private final boolean keep;
    private final List<HistoryEvent> events = new ArrayList<>();
    private long lastId;

    HistoryRecorder(EngineClock clock, ExecutionListener listener, boolean keep) {
        this.clock = clock;
        this.listener = listener;
        this.keep = keep;
    }

    /** Whether events are kept: callers build an event's details only then. */
    boolean keeps() {
        return keep;
    }

    /**
     * @param fields the details content, or {@code null} for an event without details
     * @return the new event's id
     */
    synchronized long record(Trace trace, String type, ObjectNode fields) {
        if (!keep) {
            return count(trace);
        }
        ObjectNode details = Json.object();
        if (fields != null) {
            details.set(detailsField(type), fields);
        }
        HistoryEvent event = new HistoryEvent(++lastId, trace.lastEventId(), clock.now(), type, details);
        events.add(event);
        trace.lastEventId(event.id());
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Execution listener failed on " + type, e);
        }
        return event.id();
    }

    /** Takes the next event id for an event that is not kept (see {@link #keeps()}), as {@link #record} would. */
    synchronized long count(Trace trace) {
        trace.lastEventId(++lastId);
        return lastId;
    }

    synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    private static String detailsField(String type) {
        return DETAILS_FIELDS.computeIfAbsent(type, HistoryRecorder::detailsFieldOf);
    }

    private static String detailsFieldOf(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
