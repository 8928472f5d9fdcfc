package io.github.coupapoexport.erp.staging;

import java.util.UUID;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * An ERP database of its own for one test: an H2 in memory, a schema in the real PostgreSQL or a database in the real
 * MariaDB (URLs from {@value #POSTGRES_URL_VARIABLE} and {@value #MARIADB_URL_VARIABLE}, default the local servers),
 * created for the test and dropped after it.
 *
 * @param url the JDBC URL the adapter is given
 * @param closedPortUrl a URL of the same kind on a port where nothing answers
 * @param sqlFile the file in {@code sql/staging/} that creates our own tables in this database
 */
record StagingDatabase(String url, String closedPortUrl, String sqlFile, Runnable dropped) implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "COUPA_PO_EXPORT_TEST_POSTGRES_URL";

    static final String MARIADB_URL_VARIABLE = "COUPA_PO_EXPORT_TEST_MARIADB_URL";

    static StagingDatabase h2() {
        String name = uniqueName();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new StagingDatabase(url, "jdbc:h2:tcp://127.0.0.1:1/mem:" + name, "h2.sql",
                () -> new JdbcTemplate(new SingleConnectionDataSource(url, true)).execute("SHUTDOWN"));
    }

    static StagingDatabase postgres() {
        String server = System.getenv().getOrDefault(POSTGRES_URL_VARIABLE,
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = uniqueName();
        JdbcTemplate admin = new JdbcTemplate(new SingleConnectionDataSource(server, true));
        admin.execute("CREATE SCHEMA " + schema);
        return new StagingDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "jdbc:postgresql://127.0.0.1:1/test?user=postgres", "postgresql.sql",
                () -> admin.execute("DROP SCHEMA " + schema + " CASCADE"));
    }

    static StagingDatabase mariaDb() {
        String server = System.getenv().getOrDefault(MARIADB_URL_VARIABLE,
                "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String database = uniqueName();
        JdbcTemplate admin = new JdbcTemplate(new SingleConnectionDataSource(server, true));
        admin.execute("CREATE DATABASE " + database);
        int query = server.indexOf('?') < 0 ? server.length() : server.indexOf('?');
        String url = server.substring(0, server.lastIndexOf('/', query) + 1) + database + server.substring(query);
        return new StagingDatabase(url, "jdbc:mariadb://127.0.0.1:1/test?user=root", "mariadb.sql",
                () -> admin.execute("DROP DATABASE " + database));
    }

    /** The database, for assertions and for the stand-in import program. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(url, true));
    }

    /** Our own tables, from the shipped script. */
    void createOwnTables() {
        runScript(url, new FileSystemResource("sql/staging/" + sqlFile));
    }

    /** Stand-ins for Oracle EBS's open interface tables and sequences, with the columns the preset uses. */
    void createEbsTables() {
        runScript(url, new FileSystemResource("src/test/resources/staging/oracle-ebs-standin.sql"));
    }

    /** Runs an SQL script on the database at this URL, on a connection of its own. */
    static void runScript(String url, Resource script) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, true);
        try {
            new ResourceDatabasePopulator(script).execute(connection);
        }
        finally {
            connection.destroy();
        }
    }

    @Override
    public void close() {
        dropped.run();
    }

    private static String uniqueName() {
        return "cpe_stage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
