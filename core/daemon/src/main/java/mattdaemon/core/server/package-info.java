/**
 * The TCP side: the accept loop with its client limit and one session per connection on a
 * platform thread of its own, which reads a request, has the request handler answer it, writes the reply
 * and applies what the outcome changes about the session.
 */
package mattdaemon.core.server;
