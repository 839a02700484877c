package dev.parley.runtime.http;

import java.time.Duration;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;

/**
 * Keeps a server-sent-events stream alive while nothing happens: a comment line ({@code : keep-alive}) every so
 * often, which every SSE client ignores but which a proxy sees as traffic (an Ingress closes a connection idle for
 * 60 seconds by default, and a client then has to reconnect). A slow client loses beats, never events.
 */
public final class SseHeartbeat {

    private SseHeartbeat() {
    }

    public static Multi<OutboundSseEvent> with(Multi<OutboundSseEvent> events, Sse sse, Duration every) {
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(every).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, beats);
    }
}
