package io.github.coupapoexport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy the staging-table guarantees run through fails as a network does, in front of the real PostgreSQL. */
class PostgresProxyTest {

    private final PostgresProxy proxy = new PostgresProxy(5432);

    private final String table = "proxy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final JdbcTemplate direct = new JdbcTemplate(
            new SingleConnectionDataSource(JobRepositoryDatabase.DEFAULT_POSTGRES_URL, true));

    @AfterEach
    void stop() {
        proxy.close();
        direct.execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void commitWhoseAnswerIsLostIsAppliedAndTheClientHearsOfAFailure() throws SQLException {
        // given
        direct.execute("CREATE TABLE " + table + " (id INTEGER)");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + table + " VALUES (1)");
            }
            proxy.loseNextCommitAnswer();

            // when, then
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class);
        }
        assertThat(direct.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).isOne();
    }

    @Test
    void cutStatementFailsAndTheNextConnectionWorks() throws SQLException {
        // given
        proxy.cutNextStatements(1);

        // when, then: the first statement is cut, be it one the driver sends while it connects
        assertThatThrownBy(this::selectOne).isInstanceOf(SQLException.class);
        assertThat(selectOne()).isTrue();
    }

    @Test
    void cutOfStatementsNamingATableLetsTheOthersPass() throws SQLException {
        // given
        direct.execute("CREATE TABLE " + table + " (id INTEGER)");
        proxy.cutNextStatementsNaming(table, 1);

        // when, then: connecting and a statement on another table pass, the first naming the table is cut
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1")).isTrue();
            assertThatThrownBy(() -> statement.execute("INSERT INTO " + table + " VALUES (1)"))
                .isInstanceOf(SQLException.class);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + table + " VALUES (2)");
        }
        assertThat(direct.queryForList("SELECT id FROM " + table, Integer.class)).containsExactly(2);
    }

    private boolean selectOne() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        }
    }

    @Test
    void refusedLoginIsPostgresWrongPasswordError() {
        // given
        proxy.refuseLogins(true);

        // when, then
        assertThatThrownBy(this::connect).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getSQLState()).isEqualTo("28P01"));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres");
    }
}
