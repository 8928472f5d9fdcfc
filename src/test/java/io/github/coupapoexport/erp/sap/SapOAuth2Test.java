package io.github.coupapoexport.erp.sap;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import io.github.coupapoexport.sandbox.FakeSapTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth 2.0 client credentials instead of a communication user: a bearer token from SAP's token service, fetched
 * once and reused; a refused client is a refused setup (exit 2), a busy token service is retried like SAP itself.
 */
class SapOAuth2Test {

    private final FakeSap sap = startedSap(false);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void posAreSentWithABearerTokenFetchedOnce() {
        // given an adapter with OAuth 2.0 client credentials and no user or password
        SapS4HanaErp adapter = adapter(oauth2(FakeSapTokenService.CLIENT_SECRET, SapOAuth2.BASIC));

        // when two POs are delivered
        ErpAnswer first = adapter.deliver(ErpDelivery.of("coupa-4821-1-a", document(ErpAction.CREATE, "jdoe",
                gloves("5")), null));
        ErpAnswer second = adapter.deliver(ErpDelivery.of("coupa-4822-1-a", new ErpPurchaseOrder("coupa", 4822,
                "4822", 1, ErpAction.CREATE, "issued", "USD", "30.00", new ErpPurchaseOrder.Supplier("SUP-0077",
                        "Acme Industrial"), "NT45", null, "jdoe", List.of(gloves("6"))), null));

        // then SAP took both on one token
        assertThat(first).isEqualTo(new ErpAnswer.Accepted(201, "4500000001", false));
        assertThat(second).isEqualTo(new ErpAnswer.Accepted(201, "4500000002", false));
        assertThat(sap.tokenService().requests()).isOne();
    }

    @Test
    void tokenSapNoLongerTakesIsReplacedOnceAndThePoGoesThrough() {
        // given a PO sent on a token that SAP then stops taking
        SapS4HanaErp adapter = adapter(oauth2(FakeSapTokenService.CLIENT_SECRET, SapOAuth2.BASIC));
        adapter.deliver(ErpDelivery.of("coupa-4821-1-a", document(ErpAction.CREATE, "jdoe", gloves("5")), null));
        sap.tokenService().revokeTokens();

        // when the next PO is sent
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4822-1-a", new ErpPurchaseOrder("coupa", 4822,
                "4822", 1, ErpAction.CREATE, "issued", "USD", "30.00", new ErpPurchaseOrder.Supplier("SUP-0077",
                        "Acme Industrial"), "NT45", null, "jdoe", List.of(gloves("6"))), null));

        // then SAP's 401 was answered with a fresh token, not taken for refused credentials
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4500000002", false));
        assertThat(sap.tokenService().requests()).isEqualTo(2);
    }

    @Test
    void clientCredentialsMayGoAsFormFields() {
        // when
        ErpAnswer answer = adapter(oauth2(FakeSapTokenService.CLIENT_SECRET, SapOAuth2.POST))
            .deliver(ErpDelivery.of("coupa-4821-1-a", document(ErpAction.CREATE, "jdoe", gloves("5")), null));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Accepted.class);
    }

    @Test
    void refusedClientIsARefusedSetupNamingTheOAuthErrorButNeverTheSecret() {
        // given a token service that refuses the client
        sap.tokenService().refuseClient(true);

        // when
        ErpAnswer answer = adapter(oauth2(FakeSapTokenService.CLIENT_SECRET, SapOAuth2.BASIC))
            .deliver(ErpDelivery.of("coupa-4821-1-a", document(ErpAction.CREATE, "jdoe", gloves("5")), null));

        // then nothing reached SAP's service, and the run is to stop with exit 2
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Refused.class, refused -> {
            assertThat(refused.reason()).contains("SAP's token endpoint refused the OAuth client", "invalid_client")
                .doesNotContain(FakeSapTokenService.CLIENT_SECRET);
        });
        assertThat(sap.created()).isEmpty();
    }

    @Test
    void busyTokenServiceIsAskedAgainAndThePoGoesThroughOnce() {
        // given a token service that answers 503 twice
        sap.tokenService().failNext(2);

        // when
        ErpAnswer answer = adapter(oauth2(FakeSapTokenService.CLIENT_SECRET, SapOAuth2.BASIC))
            .deliver(ErpDelivery.of("coupa-4821-1-a", document(ErpAction.CREATE, "jdoe", gloves("5")), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4500000001", false));
        assertThat(sap.tokenService().requests()).isEqualTo(3);
        assertThat(sap.created()).hasSize(1);
    }

    @Test
    void settingsSignInOneWayAndNeedTheWholeClient() {
        // given
        SapS4HanaProperties plain = SapDocuments.settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD);
        SapOAuth2 incomplete = new SapOAuth2("https://example.authentication.eu10.hana.ondemand.com/oauth/token",
                "client", null, null, "header");
        SapS4HanaProperties both = SapDocuments.signingIn(plain, plain.username(), plain.password(), incomplete);

        // then
        assertThat(both.problems()).containsExactly("erp.sap.oauth2.client-secret is required with OAuth 2.0",
                "erp.sap.oauth2.client-authentication must be basic or post (was 'header')",
                "erp.sap.username/password and erp.sap.oauth2.* are both set: the adapter signs in one way");
    }

    private SapS4HanaProperties oauth2(String secret, String clientAuthentication) {
        return SapDocuments.signingIn(SapDocuments.settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD), null, null,
                new SapOAuth2(sap.baseUrl() + FakeSapTokenService.PATH, FakeSapTokenService.CLIENT_ID,
                        new Secret(secret), List.of(), clientAuthentication));
    }
}
