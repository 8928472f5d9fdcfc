package io.github.coupapoexport.coupa;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Coupa made of WireMock stubs, for tests that script each answer: its token endpoint issues {@code token-1}, then
 * {@code token-2} to every later request; every other answer is the test's own stub.
 */
final class StubbedCoupa extends WireMockServer {

    static final String TOKEN = "/oauth2/token";

    /** Each {@link #onceThen} plays a WireMock scenario of its own. */
    private int scenarios;

    StubbedCoupa() {
        super(wireMockConfig().dynamicPort());
    }

    @Override
    public void start() {
        super.start();
        onceThen(() -> post(urlPathEqualTo(TOKEN)), token("token-1"), token("token-2"));
    }

    /** The first such request gets {@code first}, every later one {@code then}. */
    void onceThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = "once-" + ++scenarios;
        stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(first)
            .willSetStateTo("answered"));
        stubFor(request.get().inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
    }

    /** How many requests, of any method, Coupa received for this path. */
    int calls(String path) {
        return findAll(anyRequestedFor(urlPathEqualTo(path))).size();
    }

    private static ResponseDefinitionBuilder token(String value) {
        return okJson("{\"access_token\": \"" + value + "\", \"token_type\": \"bearer\", \"expires_in\": 86399}");
    }
}
