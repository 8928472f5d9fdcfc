package io.github.coupapoexport.erp.staging;

import javax.sql.DataSource;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.settings.InvalidSettingsException;
import io.github.coupapoexport.settings.SettingsConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;

import static io.github.coupapoexport.erp.staging.StagingFixtures.accepted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code erp.type=staging-tables} builds the adapter after the settings check, with no DataSource or transaction
 * manager bean of its own that would push the job repository's aside.
 */
class StagingTablesConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(SettingsConfiguration.class, StagingTablesConfiguration.class);

    @Test
    void theAdapterIsTheErpAndLeavesTheJobsDataSourceAlone() {
        context.withPropertyValues("erp.type=staging-tables", "erp.staging-tables.url=jdbc:h2:mem:cpe_config;"
                + "INIT=RUNSCRIPT FROM 'classpath:erp-staging/h2.sql'").run(started -> {
                    // then
                    assertThat(started).hasSingleBean(Erp.class).doesNotHaveBean(DataSource.class)
                        .doesNotHaveBean(PlatformTransactionManager.class);
                    assertThat(started.getBean(Erp.class).deliver(accepted("PO-1", 1)))
                        .isInstanceOf(ErpAnswer.Queued.class);
                });
    }

    @Test
    void aBadSettingStopsTheStartBeforeAnyConnection() {
        context.withPropertyValues("erp.type=staging-tables", "erp.staging-tables.layout=jde").run(started -> {
            // then
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("erp.staging-tables.layout must be coupa-po-export or oracle-ebs (was 'jde')");
        });
    }

    @Test
    void anotherErpTypeBuildsNoStagingAdapter() {
        context.withPropertyValues("erp.type=rest").run(started -> assertThat(started).hasNotFailed()
            .doesNotHaveBean(StagingTablesErp.class));
    }
}
