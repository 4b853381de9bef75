package mattdaemon.core.request;

import java.util.List;
import java.util.Optional;

import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;

/**
 * Decides whether a session is let in far enough for a request, before anything runs or is
 * logged as a message. A chain of filters in the manner of the JDK httpserver's {@code AuthFilter}:
 * the first that refuses answers. What a request needs is its command's {@link Admission};
 * messages and plugin commands need a fully admitted session.
 */
final class AdmissionGate {

    /** One check; empty when it lets the request through. */
    interface Filter {
        Optional<Reply> refusal(Caller caller, Admission needed);
    }

    private final List<Filter> filters;

    private AdmissionGate(List<Filter> filters) {
        this.filters = List.copyOf(filters);
    }

    /** TLS first (nothing but {@code starttls} crosses a plaintext link that must be TLS), then the password. */
    static AdmissionGate of(SecurityPolicy policy) {
        Filter tls = (caller, needed) -> policy.tlsRequired() && !caller.secure() && needed != Admission.ANY_TIME
                ? Optional.of(Reply.error(ErrorCode.TLSREQUIRED, "this daemon requires TLS: send starttls first"))
                : Optional.empty();
        Filter password = (caller, needed) -> policy.mustAuthenticate(caller) && needed == Admission.ADMITTED
                ? Optional.of(refuseUnauthenticated(caller))
                : Optional.empty();
        return new AdmissionGate(List.of(tls, password));
    }

    /** Lines before authentication are refused and not logged as user input: only the fact is. */
    private static Reply refuseUnauthenticated(Caller caller) {
        caller.log().refused("had a line refused before authentication.");
        return Reply.error(ErrorCode.AUTH, "authentication required: auth <password>");
    }

    Optional<Reply> refusal(Caller caller, Admission needed) {
        for (Filter filter : filters) {
            Optional<Reply> refusal = filter.refusal(caller, needed);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
