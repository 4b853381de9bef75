/**
 * The {@code servinfo} command. {@code InitSystem} says what PID 1 is; {@code Services} lists
 * services through OSHI (systemd's units, or PID 1's children where there is no systemd, as in
 * most containers); {@code ListeningSockets} lists listening TCP and unconnected UDP sockets
 * with their owning processes; {@code Table} lays rows out in columns and filters them.
 */
package mattdaemon.plugin.servinfo;
