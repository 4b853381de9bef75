package mattdaemon.core.server;

import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.request.RequestHandler;
import mattdaemon.core.request.SecurityPolicy;

/**
 * What every session of the server shares.
 *
 * @param slots    the client slots, released when a session ends
 * @param log      the daemon log
 * @param handler  answers requests
 * @param events   where connects and disconnects are published
 * @param limits   per-session bounds
 * @param policy   TLS and password rules
 * @param shutdown where a session's {@code quit} lands
 */
record SessionServices(ClientSlots slots, DaemonLog log, RequestHandler handler, EventBus events,
                       SessionLimits limits, SecurityPolicy policy, ShutdownRequest shutdown) {
}
