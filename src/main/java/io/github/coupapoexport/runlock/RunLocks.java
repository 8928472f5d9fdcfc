package io.github.coupapoexport.runlock;

import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The run lock that fits the job repository's database. */
public final class RunLocks {

    private static final Pattern H2_IN_MEMORY_OR_REMOTE = Pattern.compile("jdbc:h2:(mem:|tcp:|ssl:|\\.$|\\.;).*");

    /** H2's file system wrappers ({@code nio:}, {@code split:}, ...); a one-letter prefix is a Windows drive. */
    private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9]+:)+(?!//)");

    private RunLocks() {
    }

    public static RunLock forRepository(String jdbcUrl, DataSource dataSource) {
        if (jdbcUrl.startsWith("jdbc:h2:") && !H2_IN_MEMORY_OR_REMOTE.matcher(jdbcUrl).matches()) {
            Path database = h2DatabaseFile(jdbcUrl, dataSource);
            return new FileRunLock(database.resolveSibling(database.getFileName() + ".run-lock"));
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresRunLock(dataSource);
        }
        throw new IllegalArgumentException("spring.datasource.url must name an H2 file or a PostgreSQL database, so "
                + "that one run at a time can be guaranteed (was " + withoutSettings(jdbcUrl) + ")");
    }

    /**
     * The database file as H2 itself resolved it ({@code ~} the user's home, relative paths against the working
     * folder or {@code h2.baseDir}, {@code ..} and symbolic links resolved), so that every process and working folder
     * that opens one database finds the same lock. H2 answers from the process that serves the file, also over
     * {@code AUTO_SERVER}.
     */
    private static Path h2DatabaseFile(String jdbcUrl, DataSource dataSource) {
        String path = new JdbcTemplate(dataSource).queryForObject("SELECT DATABASE_PATH()", String.class);
        if (path == null) {
            throw new IllegalArgumentException("spring.datasource.url must name an H2 file, so that one run at a time "
                    + "can be guaranteed (was " + withoutSettings(jdbcUrl) + ")");
        }
        return Path.of(FILE_SYSTEM_PREFIX.matcher(path).replaceFirst("")).toAbsolutePath().normalize();
    }

    private static String withoutSettings(String jdbcUrl) {
        return jdbcUrl.split("[;?]", 2)[0];
    }
}
