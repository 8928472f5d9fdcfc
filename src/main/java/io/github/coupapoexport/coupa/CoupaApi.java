package io.github.coupapoexport.coupa;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call to Coupa goes through here: JSON both ways, the answer checked before it is believed, failures named by
 * the call and what came back (never a credential: the token travels in a header), refused credentials told apart,
 * and each call counted by purpose so that a run can say how many calls a PO cost.
 */
public class CoupaApi {

    private static final int SNIPPET_LENGTH = 200;

    private final RestClient restClient;

    private final JsonMapper json;

    private final CoupaProperties properties;

    private final Map<String, LongAdder> callsByPurpose = new ConcurrentHashMap<>();

    public CoupaApi(RestClient restClient, JsonMapper json, CoupaProperties properties) {
        this.restClient = restClient;
        this.json = json;
        this.properties = properties;
    }

    /** What Coupa answered to one call. */
    public record Answer(HttpMethod method, URI uri, MediaType contentType, byte[] body) {

        public String call() {
            return method + " " + uri;
        }
    }

    /**
     * One call; a non-2xx answer is a {@link CoupaCallException}.
     *
     * @param purpose a short name under which the call is counted, e.g. {@code "mark exported"}
     * @param body a JSON body, or null for none
     */
    public Answer call(String purpose, HttpMethod method, Function<UriBuilder, URI> uri, Object body) {
        callsByPurpose.computeIfAbsent(purpose, key -> new LongAdder()).increment();
        RestClient.RequestBodySpec request = restClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        }
        try {
            return request.exchange((sent, response) -> {
                byte[] answer = response.getBody().readAllBytes();
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new CoupaCallException(method + " " + sent.getURI() + " answered HTTP "
                            + response.getStatusCode().value() + ": " + snippet(answer));
                }
                return new Answer(method, sent.getURI(), response.getHeaders().getContentType(), answer);
            });
        }
        catch (OAuth2AuthorizationException refused) {
            throw new CoupaCredentialsRefusedException("Coupa refused the client credentials of client id '"
                    + properties.clientId() + "' for scopes " + properties.scopes() + " at " + properties.root()
                    + "/oauth2/token: " + refused.getError().getErrorCode() + " " + refused.getError().getDescription(),
                    refused);
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
                    : json.readValue(answer.body(), (tools.jackson.databind.JavaType) type);
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
        String text = new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 2), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .strip();
        return text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text;
    }
}
