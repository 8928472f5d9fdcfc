package io.github.coupapoexport.sandbox;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.json.JsonMapper;

/** How the fake Coupa reads a request and writes an answer: JSON both ways, as Coupa does. */
final class FakeHttp {

    /** Immutable once built. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeHttp() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Request request) {
        String body = request.getBodyAsString();
        return body == null || body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
    }

    static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    static ResponseDefinition answer(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(JSON.writeValueAsString(body))
            .build();
    }
}
