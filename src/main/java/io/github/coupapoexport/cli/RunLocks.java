package io.github.coupapoexport.cli;

import java.nio.file.Path;

import javax.sql.DataSource;

/** The run lock that fits the job repository's database. */
public final class RunLocks {

    private RunLocks() {
    }

    public static RunLock forRepository(String jdbcUrl, DataSource dataSource) {
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            String path = jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            return new FileRunLock(Path.of(path + ".run-lock"));
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresRunLock(dataSource);
        }
        throw new IllegalArgumentException("spring.datasource.url must name an H2 file or a PostgreSQL database, so "
                + "that one run at a time can be guaranteed (was " + jdbcUrl.split("[;?]", 2)[0] + ")");
    }
}
