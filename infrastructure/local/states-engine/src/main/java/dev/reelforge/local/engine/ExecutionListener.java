package dev.reelforge.local.engine;

/**
 * Observes history events as they are recorded, e.g. to print progress. Calls are serialized and
 * arrive in event-id order even when Map or Parallel branches run on several threads; keep them fast.
 */
public interface ExecutionListener {
    default void onEvent(HistoryEvent e) {}
}
