package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh, empty job repository for one test: an H2 file in a temporary folder, or a schema of its own in the real
 * PostgreSQL named by {@value #POSTGRES_URL_VARIABLE} (default: the local server at 127.0.0.1:5432, database test).
 */
public interface JobRepositoryDatabase extends AutoCloseable {

    String POSTGRES_URL_VARIABLE = "COUPA_PO_EXPORT_TEST_POSTGRES_URL";

    String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** {@code spring.datasource.url} for the job. */
    String url();

    /** The database as the job left it, for assertions. */
    default JdbcTemplate jdbc() {
        // Closed after each statement: an H2 file held open here would be held against the job's process.
        return new JdbcTemplate(new SingleConnectionDataSource(url(), false));
    }

    @Override
    void close();

    static JobRepositoryDatabase h2() {
        try {
            Path folder = Files.createTempDirectory("coupa-po-export-test");
            return new Opened("jdbc:h2:file:" + folder.resolve("job-repository").toAbsolutePath()
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;USER=sa", () -> {
                    });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A schema created for this test and dropped after it, so tests never see each other's executions. */
    static JobRepositoryDatabase postgres() {
        String server = System.getenv().getOrDefault(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL);
        String schema = "cpe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new SingleConnectionDataSource(server, true));
        admin.execute("CREATE SCHEMA " + schema);
        return new Opened(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                () -> admin.execute("DROP SCHEMA " + schema + " CASCADE"));
    }

    /** A database made for one test, and what it takes to throw it away. */
    record Opened(String url, Runnable cleanUp) implements JobRepositoryDatabase {

        @Override
        public void close() {
            cleanUp.run();
        }
    }
}
