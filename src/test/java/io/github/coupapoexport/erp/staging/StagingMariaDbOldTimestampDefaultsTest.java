package io.github.coupapoexport.erp.staging;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sql/staging/mariadb.sql} on a MariaDB before 10.10 (or a MySQL 5.7), whose {@code
 * explicit_defaults_for_timestamp} is off: there a first TIMESTAMP column is set again on every update, and another
 * one without NULL is NOT NULL. The real MariaDB, told to behave so for the session.
 */
class StagingMariaDbOldTimestampDefaultsTest {

    private final StagingDatabase database = StagingDatabase.mariaDb();

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void aHeaderKeepsTheTimeItWasWrittenWhenTheErpsImportDecidesAndItsDecisionTimeMayBeEmpty() {
        // given our tables created with the old timestamp defaults
        String url = database.url() + (database.url().contains("?") ? "&" : "?")
                + "sessionVariables=explicit_defaults_for_timestamp=0";
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, true);
        new ResourceDatabasePopulator(new FileSystemResource("sql/staging/mariadb.sql")).execute(connection);
        JdbcTemplate jdbc = new JdbcTemplate(connection);

        // when a header is written an hour ago, and the ERP's import decides on it now
        jdbc.update("INSERT INTO STAGING_PO_HEADERS (SOURCE_KEY, ACTION, COUPA_ID, PO_NUMBER, CREATED_AT) VALUES"
                + " ('coupa-1-1', 'CREATE', 1, 'PO-1', CURRENT_TIMESTAMP - INTERVAL 1 HOUR)");
        Map<String, Object> written = jdbc.queryForMap("SELECT CREATED_AT, PROCESSED_AT FROM STAGING_PO_HEADERS");
        jdbc.update("UPDATE STAGING_PO_HEADERS SET STATUS = 'ACCEPTED'");

        // then
        assertThat(written.get("PROCESSED_AT")).isNull();
        assertThat(jdbc.queryForObject("SELECT CREATED_AT FROM STAGING_PO_HEADERS", Object.class))
            .isEqualTo(written.get("CREATED_AT"));
        connection.destroy();
    }
}
