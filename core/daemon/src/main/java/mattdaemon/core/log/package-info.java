/**
 * The daemon's log: lines in the Matt_daemon format written by one writer thread with group
 * commit (a client line is acknowledged only once written), a bounded backlog through failing
 * writes, a file followed at its path through deletion and rotation, a bounded reader of its end,
 * and the escaping that keeps every client line on exactly one log line.
 */
package mattdaemon.core.log;
