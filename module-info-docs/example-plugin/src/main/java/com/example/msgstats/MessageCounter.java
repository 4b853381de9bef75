package com.example.msgstats;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.EventListener;

/** Counts every message the daemon logs, by client address. */
public final class MessageCounter implements EventListener {
    @Override
    public void onEvent(DaemonEvent event) {
        if (event instanceof DaemonEvent.MessageReceived message) {
            Counts.SHARED.count(message.peer());
        }
    }
}
