/**
 * The TCP side: the accept loop with its client limit, one session per connection on a
 * virtual thread, and the request handler that turns each line into a logged message or a
 * command call with exactly one reply.
 */
package mattdaemon.core.server;
