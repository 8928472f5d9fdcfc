package io.github.coupapoexport.erp.sap;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.coupapoexport.erp.ErpAnswer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to SAP's service with the CSRF protection of SAP Gateway: a token fetched once ({@code X-CSRF-Token: Fetch}
 * on the service root) with the session cookies it belongs to, both sent on every call that changes something, and
 * fetched again once when SAP answers 403 {@code X-CSRF-Token: Required} (the token or its session expired). Shared by
 * the threads that deliver at the same time: one token serves them all.
 */
class SapSession {

    static final String CSRF_TOKEN = "X-CSRF-Token";

    private static final Logger log = LoggerFactory.getLogger(SapSession.class);

    private final boolean bearerTokens;

    private final RestClient restClient;

    private final String serviceRoot;

    private final SapAnswers answers;

    private final JsonMapper json;

    private final AtomicReference<@Nullable Csrf> csrf = new AtomicReference<>();

    /**
     * @param bearerTokens whether the client signs in with OAuth 2.0 tokens: then a 401 is asked again once, with
     * the fresh token Spring Security's interceptor fetches after dropping the one SAP no longer takes
     */
    SapSession(RestClient restClient, String serviceRoot, SapAnswers answers, JsonMapper json, boolean bearerTokens) {
        this.restClient = restClient;
        this.bearerTokens = bearerTokens;
        this.serviceRoot = serviceRoot;
        this.answers = answers;
        this.json = json;
    }

    /**
     * A read, in the session: the first call of all fetches a token, so that a service that is not there is told
     * as such (and not as a PO that SAP does not hold).
     */
    SapResponse get(String path) {
        return call(HttpMethod.GET, path, null, null, csrf.get() == null ? fetch(null) : csrf.get());
    }

    /** A change, with the session's token and cookies; fetched first if there are none, and again once if expired. */
    SapResponse modify(HttpMethod method, String path, JsonNode body, @Nullable String ifMatch) {
        Csrf used = csrf.get() == null ? fetch(null) : csrf.get();
        SapResponse response = call(method, path, body, ifMatch, used);
        if (csrfRequired(response)) {
            log.debug("SAP asked for a new CSRF token on {}", response.call());
            response = call(method, path, body, ifMatch, fetch(used));
            if (csrfRequired(response)) {
                // A token refused right after SAP gave it: its session cookie does not come back (a proxy drops it).
                throw new SapAnswers.Final(new ErpAnswer.Refused(403, "SAP refused the CSRF token it had just given: "
                        + response.call() + " answered HTTP 403 with X-CSRF-Token: Required"));
            }
        }
        return response;
    }

    private static boolean csrfRequired(SapResponse response) {
        return response.status() == 403 && "Required".equalsIgnoreCase(response.headers().getFirst(CSRF_TOKEN));
    }

    /**
     * Fetches a token unless another thread already replaced {@code expired}. The service root answering 404 means
     * the service is not there (wrong path, or not activated), a setup problem like refused credentials.
     */
    private Csrf fetch(@Nullable Csrf expired) {
        synchronized (csrf) {
            Csrf current = csrf.get();
            if (current != null && current != expired) {
                return current;
            }
            SapResponse response = exchange(HttpMethod.GET, "/", null, headers -> headers.set(CSRF_TOKEN, "Fetch"));
            if (response.status() == 404) {
                throw new SapAnswers.Final(new ErpAnswer.Refused(404, "SAP has no such service: " + response.call()
                        + " answered HTTP 404 (check erp.sap.service-path and the communication arrangement)"));
            }
            if (!response.isSuccess()) {
                throw answers.failed(response);
            }
            List<String> setCookies = response.headers().getOrEmpty(HttpHeaders.SET_COOKIE);
            // Only each cookie's name=value goes back; its attributes (path, secure, expiry) are for browsers.
            String cookies = setCookies.stream().map(cookie -> cookie.split(";", 2)[0].strip())
                .collect(Collectors.joining("; "));
            Csrf fetched = new Csrf(response.headers().getFirst(CSRF_TOKEN), cookies);
            csrf.set(fetched);
            return fetched;
        }
    }

    private SapResponse call(HttpMethod method, String path, @Nullable JsonNode body, @Nullable String ifMatch,
            @Nullable Csrf session) {
        return exchange(method, path, body == null ? null : json.writeValueAsBytes(body), headers -> {
            if (session != null) {
                if (session.token() != null) {
                    headers.set(CSRF_TOKEN, session.token());
                }
                if (!session.cookies().isEmpty()) {
                    headers.set(HttpHeaders.COOKIE, session.cookies());
                }
            }
            if (ifMatch != null) {
                headers.setIfMatch(ifMatch);
            }
        });
    }

    private SapResponse exchange(HttpMethod method, String path, byte @Nullable [] body,
            Consumer<HttpHeaders> headers) {
        SapResponse response = exchangeOnce(method, path, body, headers);
        if (response.status() == 401 && bearerTokens) {
            // A token SAP no longer takes (revoked, or expired early): nothing was applied, so asking again is safe.
            response = exchangeOnce(method, path, body, headers);
        }
        return response;
    }

    private SapResponse exchangeOnce(HttpMethod method, String path, byte @Nullable [] body,
            Consumer<HttpHeaders> headers) {
        URI uri = URI.create(serviceRoot + path);
        String call = method.name() + " " + uri;
        try {
            RestClient.RequestBodySpec request = restClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON)
                .headers(headers);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((sent, response) -> new SapResponse(call, response.getStatusCode().value(),
                    response.getHeaders(), response.getBody().readAllBytes()), true);
        }
        catch (ResourceAccessException ex) {
            // Timeouts and refused or reset connections: SAP may come back, and may have applied the call.
            throw new SapAnswers.Transient(call + ": " + ex.getMessage(), ex);
        }
        catch (OAuth2AuthorizationException refused) {
            // The token endpoint refused the client: nothing was sent to SAP, and nothing gets through until fixed.
            throw new SapAnswers.Final(new ErpAnswer.Refused(401, "SAP's token endpoint refused the OAuth client: "
                    + refused.getError().getErrorCode() + " " + refused.getError().getDescription()));
        }
    }

    /** A CSRF token and the session cookies it is bound to; the token may be null when SAP checks none. */
    private record Csrf(@Nullable String token, String cookies) {
    }
}
