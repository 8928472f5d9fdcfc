package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake ERP behaves as the real ones the job's tests stand for, and tells what it really applied. */
class FakeErpTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final FakeErp erp = new FakeErp();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        erp.startServer();
    }

    @AfterEach
    void stop() {
        erp.stopServer();
    }

    @Test
    void documentAppliedThenAnsweredTooLateIsKnownByItsKeyWhenSentAgain() throws Exception {
        // given an ERP that took its first document of the day (WireMock's first answer is slow)
        send("key-0", "4800", "CREATE", Duration.ofSeconds(30));
        erp.applyThenTimeOut("4821", 1);

        // when the first answer comes too late, and the same document is sent again
        assertThatThrownBy(() -> send("key-1", "4821", "CREATE")).isInstanceOf(HttpTimeoutException.class);
        int again = send("key-1", "4821", "CREATE");

        // then
        assertThat(again).isEqualTo(409);
        assertThat(erp.applied()).extracting(FakeErp.Applied::idempotencyKey).containsExactly("key-0", "key-1");
        assertThat(erp.applied().get(1)).satisfies(applied -> {
            assertThat(applied.idempotencyKey()).isEqualTo("key-1");
            assertThat(applied.poNumber()).isEqualTo("4821");
            assertThat(applied.action()).isEqualTo("CREATE");
            assertThat(applied.document().get("revision").asInt()).isEqualTo(1);
        });
    }

    @Test
    void everyDocumentAnsweredOtherwiseIsNotAppliedUntilTheErpAnswersNormallyAgain() throws Exception {
        // given
        send("key-0", "4800", "CREATE", Duration.ofSeconds(30));
        erp.answerEveryDocument(401, "application/json", "{\"message\": \"unauthorized\"}");

        // when
        int refused = send("key-1", "4821", "CREATE");
        erp.answerNormally();
        int accepted = send("key-1", "4821", "CREATE");

        // then
        assertThat(refused).isEqualTo(401);
        assertThat(accepted).isEqualTo(201);
        assertThat(erp.applied()).extracting(FakeErp.Applied::idempotencyKey).containsExactly("key-0", "key-1");
        assertThat(erp.received()).extracting(FakeErp.Received::status).containsExactly(201, 401, 201);
    }

    @Test
    void busyErpAnswersTheNextDocumentsOfAnyPo503AndAppliesNoneOfThemThenAcceptsAgain() throws Exception {
        // given
        send("key-0", "4800", "CREATE", Duration.ofSeconds(30));
        erp.failNext(503, 2);

        // when
        int first = send("key-1", "4821", "CREATE");
        int second = send("key-2", "4822", "CREATE");
        int third = send("key-1", "4821", "CREATE");

        // then
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(201);
        assertThat(erp.applied()).extracting(FakeErp.Applied::idempotencyKey).containsExactly("key-0", "key-1");
    }

    private int send(String key, String poNumber, String action) throws IOException, InterruptedException {
        return send(key, poNumber, action, READ_TIMEOUT);
    }

    private int send(String key, String poNumber, String action, Duration timeout)
            throws IOException, InterruptedException {
        String document = "{\"source\": \"coupa\", \"poNumber\": \"" + poNumber + "\", \"revision\": 1, \"action\": \""
                + action + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(erp.baseUrl() + "/purchase-orders"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(document))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
