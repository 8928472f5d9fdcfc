package io.github.coupapoexport.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** The fake Coupa's OAuth token endpoint (client credentials as form fields) and the tokens it issued. */
final class FakeCoupaTokens {

    private final String clientId;

    private final String clientSecret;

    private final Set<String> issued = new HashSet<>();

    private int count;

    private int callsLeft = Integer.MAX_VALUE;

    private int lifetimeCalls = Integer.MAX_VALUE;

    FakeCoupaTokens(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    synchronized ResponseDefinition issue(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type")) || !clientId.equals(form.get("client_id"))
                || !clientSecret.equals(form.get("client_secret"))) {
            return FakeHttp.answer(401, Map.of("error", "invalid_client"));
        }
        String token = "token-" + ++count;
        issued.add(token);
        callsLeft = lifetimeCalls;
        return FakeHttp.answer(200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 86399, "scope",
                form.getOrDefault("scope", "")));
    }

    synchronized boolean authorized(Request request) {
        String authorization = request.getHeader("Authorization");
        boolean known = authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring("Bearer ".length()));
        if (known && lifetimeCalls != Integer.MAX_VALUE && --callsLeft < 0) {
            // The token has run out: every token issued so far is refused from now on.
            issued.clear();
            return false;
        }
        return known;
    }

    /** Each token works for {@code calls} API calls, then answers 401, as an expired or revoked token does. */
    synchronized void lastFor(int calls) {
        lifetimeCalls = calls;
        callsLeft = calls;
    }

    synchronized int issued() {
        return count;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
