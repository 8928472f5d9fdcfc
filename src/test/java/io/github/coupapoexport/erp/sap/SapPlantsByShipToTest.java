package io.github.coupapoexport.erp.sap;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/** The plant SAP needs on every item, chosen by the PO's ship-to address where one is configured for it. */
class SapPlantsByShipToTest {

    private final FakeSap sap = startedSap(false);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void addressNamesWithSpacesAndDotsAreBoundFromTheCommandLineInBrackets() {
        // given the options as the command line hands them to Spring
        Binder binder = new Binder(ConfigurationPropertySources.from(new SimpleCommandLinePropertySource(
                "--erp.sap.plants-by-ship-to.[Berlin Warehouse]=1710",
                "--erp.sap.plants-by-ship-to.[St. Louis]=1720")));

        // when
        Map<String, String> plants = binder.bind("erp.sap.plants-by-ship-to",
                Bindable.mapOf(String.class, String.class)).get();

        // then every name is kept as written
        assertThat(plants).containsExactlyInAnyOrderEntriesOf(Map.of("Berlin Warehouse", "1710", "St. Louis", "1720"));
    }

    @Test
    void poShippedToAnAddressWithItsOwnPlantGetsThatPlantAndTheOthersTheDefault() {
        // given Berlin's warehouse configured as plant 1710, every other address on the default 1010
        SapS4HanaErp adapter = adapter(withPlants(Map.of("Berlin Warehouse", "1710")));

        // when a PO to Berlin and one to the head office are created
        ErpAnswer berlin = adapter.deliver(ErpDelivery.of("coupa-1-1-a", shippedTo(1, " Berlin Warehouse"), null));
        ErpAnswer office = adapter.deliver(ErpDelivery.of("coupa-2-1-a", shippedTo(2, "HQ Dock"), null));

        // then
        assertThat(berlin).isInstanceOf(ErpAnswer.Accepted.class);
        assertThat(office).isInstanceOf(ErpAnswer.Accepted.class);
        assertThat(sap.created()).extracting(po -> po.path("to_PurchaseOrderItem").path(0).path("Plant").asString())
            .containsExactly("1710", "1010");
    }

    @Test
    void plantLongerThanSapsFourCharactersIsASettingsProblemNamingTheAddress() {
        // given
        SapS4HanaProperties settings = withPlants(Map.of("Berlin Warehouse", "17100"));

        // then
        assertThat(settings.problems()).containsExactly(
                "erp.sap.plants-by-ship-to.[Berlin Warehouse] has at most 4 characters in SAP (was '17100')");
    }

    private SapS4HanaProperties withPlants(Map<String, String> plants) {
        return SapDocuments.withPlants(SapDocuments.settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD), plants);
    }

    private static ErpPurchaseOrder shippedTo(long id, String shipToName) {
        return new ErpPurchaseOrder("coupa", id, String.valueOf(id), 1, ErpAction.CREATE, "issued", "USD", "25.00",
                new ErpPurchaseOrder.Supplier("SUP-0077", "Acme Industrial"), "NT45", new ErpPurchaseOrder.ShipTo(
                        shipToName, "Street 1", null, "City", null, "10115", "DE"), "jdoe", List.of(gloves("5")));
    }
}
