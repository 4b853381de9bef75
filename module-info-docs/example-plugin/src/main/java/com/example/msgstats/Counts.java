package com.example.msgstats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Message counts per client address. Both providers of the module share it: ServiceLoader makes
 * one instance of each provider class, and a static holder is the plugin's shared state (it goes
 * away with the plugin's module layer when the plugin is unloaded).
 */
final class Counts {
    static final Counts SHARED = new Counts();

    private final Map<String, LongAdder> byHost = new ConcurrentHashMap<>();

    void count(String peer) {
        String host = peer.substring(0, Math.max(0, peer.lastIndexOf(':')));
        byHost.computeIfAbsent(host, h -> new LongAdder()).increment();
    }

    List<Map.Entry<String, Long>> top(int limit) {
        return byHost.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    long total() {
        return byHost.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
