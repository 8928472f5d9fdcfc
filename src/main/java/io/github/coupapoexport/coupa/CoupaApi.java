package io.github.coupapoexport.coupa;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.coupapoexport.foundation.Backoff;
import io.github.coupapoexport.foundation.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call to Coupa goes through here: JSON both ways, the answer checked before it is believed, failures named by
 * the call and what came back (never a credential: the token travels in a header), refused credentials told apart,
 * and each call counted by purpose so that a run can say how many calls a PO cost.
 */
public class CoupaApi {

    private static final int SNIPPET_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(CoupaApi.class);

    private final RestClient restClient;

    private final DefaultUriBuilderFactory uris;

    private final JsonMapper json;

    private final CoupaProperties properties;

    private final CoupaPace pace;

    private final Backoff retry;

    private final Map<String, LongAdder> callsByPurpose = new ConcurrentHashMap<>();

    private final CoupaMeters meters;

    public CoupaApi(RestClient restClient, JsonMapper json, CoupaProperties properties, CoupaPace pace,
            Backoff retry, CoupaMeters meters) {
        this.restClient = restClient;
        this.uris = new DefaultUriBuilderFactory(properties.root());
        this.json = json;
        this.properties = properties;
        this.pace = pace;
        this.retry = retry;
        this.meters = meters;
    }

    /** What Coupa answered to one call. */
    public record Answer(HttpMethod method, URI uri, MediaType contentType, byte[] body) {

        public String call() {
            return method + " " + uri;
        }
    }

    /**
     * One call, retried while it fails for a passing reason; a non-2xx answer is a {@link CoupaCallException}.
     * A POST is retried only when Coupa surely did not act on it (429, 502, 503, 504, no connection), so that a
     * history record or an integration run is never created twice.
     *
     * @param purpose a short name under which the call is counted, e.g. {@code "mark exported"}
     * @param body a JSON body, or null for none
     */
    public Answer call(String purpose, HttpMethod method, Function<UriBuilder, URI> uri, Object body) {
        byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
        return withRetries(() -> exchange(purpose, method, uri.apply(uris.builder()), bytes));
    }

    /** A GET whose answer must be a JSON array of {@code what}; a broken page is retried like a failed call. */
    public <T> List<T> getList(String purpose, Function<UriBuilder, URI> uri, TypeReference<List<T>> type, String what) {
        return withRetries(() -> {
            Answer answer = exchange(purpose, HttpMethod.GET, uri.apply(uris.builder()), null);
            try {
                return list(answer, type, what);
            }
            catch (CoupaCallException broken) {
                throw new TransientCoupaFailure(broken.getMessage(), broken);
            }
        });
    }

    private <T> T withRetries(Supplier<T> attempt) {
        boolean[] tokenRenewed = {false};
        return retry.run(() -> {
            try {
                return attempt.get();
            }
            catch (TokenRejected rejected) {
                if (tokenRenewed[0]) {
                    throw new CoupaCallException(rejected.getMessage() + " (again, with a fresh token)");
                }
                // The rejected token is already forgotten: this attempt fetches a new one.
                tokenRenewed[0] = true;
                log.info("Coupa rejected the access token; fetching a new one and trying once more");
                return attempt.get();
            }
        }, (last, attempts) -> {
            if (last instanceof TransientCoupaFailure transientFailure) {
                throw new CoupaCallException(transientFailure.getMessage() + " (gave up after " + attempts
                        + " attempts)", transientFailure);
            }
            if (last instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CoupaCallException(last.getMessage(), last);
        });
    }

    private Answer exchange(String purpose, HttpMethod method, URI uri, byte[] body) {
        callsByPurpose.computeIfAbsent(purpose, key -> new LongAdder()).increment();
        meters.called(purpose);
        long waitStarted = System.nanoTime();
        boolean permitted = pace.awaitTurn();
        meters.waitedForSlot(Duration.ofNanos(System.nanoTime() - waitStarted));
        if (!permitted) {
            throw new TransientCoupaFailure(method + " " + uri + ": no request slot under coupa.requests-per-second", null);
        }
        RestClient.RequestBodySpec request = restClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        try {
            return request.exchange((sent, response) -> {
                byte[] answer = response.getBody().readAllBytes();
                int status = response.getStatusCode().value();
                if (response.getStatusCode().is2xxSuccessful()) {
                    return new Answer(method, uri, response.getHeaders().getContentType(), answer);
                }
                String failure = method + " " + uri + " answered HTTP " + status + ": " + snippet(answer);
                if (status == 401) {
                    throw new TokenRejected(failure);
                }
                if (status == 429) {
                    pace.tooManyRequests();
                    meters.throttled();
                    throw TransientCoupaFailure.tooManyRequests(failure, uri, response.getHeaders());
                }
                if (status == 408 || status >= 500 && (method != HttpMethod.POST || status == 502 || status == 503
                        || status == 504)) {
                    throw new TransientCoupaFailure(failure, null);
                }
                throw new CoupaRefusedException(failure, status);
            });
        }
        catch (ResourceAccessException noAnswer) {
            String failure = method + " " + uri + " got no answer: " + noAnswer.getMessage();
            boolean neverSent = noAnswer.getCause() instanceof ConnectException
                    || noAnswer.getCause() instanceof HttpConnectTimeoutException;
            if (method != HttpMethod.POST || neverSent) {
                throw new TransientCoupaFailure(failure, noAnswer);
            }
            throw new CoupaCallException(failure, noAnswer);
        }
        catch (OAuth2AuthorizationException refused) {
            throw new CoupaCredentialsRefusedException("Coupa refused the client credentials of client id '"
                    + properties.clientId() + "' for scopes " + properties.scopes() + " at " + properties.root()
                    + "/oauth2/token: " + refused.getError().getErrorCode() + " " + refused.getError().getDescription(),
                    refused);
        }
    }

    /** A 401 on a call: the token was refused, and the OAuth2 interceptor has already forgotten it. */
    private static final class TokenRejected extends CoupaCallException {

        TokenRejected(String message) {
            super(message);
        }
    }

    /** The answer as a list; anything but a JSON array of {@code what} is an error, never an empty list. */
    public <T> List<T> list(Answer answer, TypeReference<List<T>> type, String what) {
        if (!startsWith(answer.body(), '[')) {
            throw new CoupaCallException(answer.call() + " did not answer with a JSON array of " + what
                    + (answer.contentType() == null ? "" : " (Content-Type " + answer.contentType() + ")") + ": "
                    + snippet(answer.body()));
        }
        return read(answer, type, what);
    }

    /** The answer as one object (Coupa answers some actions with a one-element array: that is taken too). */
    public <T> T object(Answer answer, Class<T> type, String what) {
        if (startsWith(answer.body(), '[')) {
            List<T> list = read(answer, json.getTypeFactory().constructCollectionType(List.class, type), what);
            if (list.size() != 1) {
                throw new CoupaCallException(answer.call() + " answered " + list.size() + " " + what + " where one was "
                        + "expected: " + snippet(answer.body()));
            }
            return list.get(0);
        }
        if (!startsWith(answer.body(), '{')) {
            throw new CoupaCallException(answer.call() + " did not answer with a JSON " + what
                    + (answer.contentType() == null ? "" : " (Content-Type " + answer.contentType() + ")") + ": "
                    + snippet(answer.body()));
        }
        return read(answer, json.getTypeFactory().constructType(type), what);
    }

    /** Calls made so far, by purpose, in a stable order. */
    public Map<String, Long> callsByPurpose() {
        Map<String, Long> calls = new TreeMap<>();
        callsByPurpose.forEach((purpose, count) -> calls.put(purpose, count.sum()));
        return calls;
    }

    public long totalCalls() {
        return callsByPurpose.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private <T> T read(Answer answer, Object type, String what) {
        try {
            return type instanceof TypeReference<?> reference
                    ? json.readValue(answer.body(), (TypeReference<T>) reference)
                    : json.readValue(answer.body(), (JavaType) type);
        }
        catch (JacksonException ex) {
            throw new CoupaCallException(answer.call() + " answered with JSON that cannot be read as " + what + " ("
                    + ex.getOriginalMessage() + "): " + snippet(answer.body()), ex);
        }
    }

    private static boolean startsWith(byte[] body, char expected) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == expected;
            }
        }
        return false;
    }

    static String snippet(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        return Texts.clip(Texts.oneLine(new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 2),
                StandardCharsets.UTF_8)), SNIPPET_LENGTH);
    }
}
