package mattdaemon.core.request;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;

/**
 * Decides whether a session is let in far enough for a request, before anything runs or is
 * logged as a message. A chain of filters in the manner of the JDK httpserver's {@code AuthFilter}:
 * the first that refuses answers. What a request needs is its command's {@link Admission};
 * messages and plugin commands need a fully admitted session.
 */
final class AdmissionGate {

    /** One check: whether it lets a request through, and else what the caller is told. */
    private record Filter(BiPredicate<Caller, Admission> admits, Function<Caller, Reply> refuse) {
    }

    private final List<Filter> filters;

    private AdmissionGate(List<Filter> filters) {
        this.filters = List.copyOf(filters);
    }

    /** TLS first (nothing but {@code starttls} crosses a plaintext link that must be TLS), then the password. */
    static AdmissionGate of(SecurityPolicy policy) {
        Filter tls = new Filter(
                (caller, needed) -> !policy.tlsRequired() || caller.secure() || needed == Admission.ANY_TIME,
                caller -> Reply.error(ErrorCode.TLSREQUIRED, "this daemon requires TLS: send starttls first"));
        Filter password = new Filter(
                (caller, needed) -> needed != Admission.ADMITTED || !policy.mustAuthenticate(caller),
                AdmissionGate::refuseUnauthenticated);
        return new AdmissionGate(List.of(tls, password));
    }

    /** Lines before authentication are refused and not logged as user input: only the fact is. */
    private static Reply refuseUnauthenticated(Caller caller) {
        caller.log().refused("had a line refused before authentication.");
        return Reply.error(ErrorCode.AUTH, "authentication required: auth <password>");
    }

    /** Whether every filter lets the request through; nothing is logged. */
    boolean admits(Caller caller, Admission needed) {
        return firstRefusing(caller, needed).isEmpty();
    }

    /** The reply of the first filter that refuses, which logs the refusal; empty when all let it through. */
    Optional<Reply> refusal(Caller caller, Admission needed) {
        return firstRefusing(caller, needed).map(filter -> filter.refuse().apply(caller));
    }

    private Optional<Filter> firstRefusing(Caller caller, Admission needed) {
        for (Filter filter : filters) {
            if (!filter.admits().test(caller, needed)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }
}
