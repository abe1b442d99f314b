package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The items of a Distributed Map, read one at a time so that a large S3 object never sits in memory whole. Not
 * thread-safe: the Map's own thread reads it. A read failure surfaces as States.ItemReaderFailed.
 */
interface ItemSource extends Iterator<JsonNode>, AutoCloseable {
    @Override
    void close();

    /** The items of an array already in the state input. */
    static ItemSource of(JsonNode array) {
        Iterator<JsonNode> items = array.elements();
        return new ItemSource() {
            public boolean hasNext() {
                return items.hasNext();
            }

            public JsonNode next() {
                return items.next();
            }

            public void close() {}
        };
    }

    /** At most {@code max} items of this source (ReaderConfig MaxItems). */
    default ItemSource limit(long max) {
        ItemSource source = this;
        return new ItemSource() {
            private long taken;

            public boolean hasNext() {
                return taken < max && source.hasNext();
            }

            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return source.next();
            }

            public void close() {
                source.close();
            }
        };
    }

    static StatesError failed(String cause) {
        return new StatesError(StatesError.ITEM_READER_FAILED, cause);
    }
}
