package io.github.coupapoexport.runlock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 run lock lies beside the database file as H2 itself resolves it, so every spelling of one database's URL
 * finds one lock, and another database another one.
 */
class H2RunLockFileTest {

    private final String name = "coupa-po-export-lock-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** A folder of this test's own in the user's home, where {@code ~} leads. */
    private final Path home = Path.of(System.getProperty("user.home")).resolve(name);

    private final Path link = Path.of(System.getProperty("user.home")).resolve(name + "-link");

    private final Path workingFolder = Path.of("").toAbsolutePath();

    @AfterEach
    void deleteFolders() throws IOException {
        Files.deleteIfExists(link);
        delete(home);
        delete(workingFolder.resolve("target").resolve(name));
        delete(workingFolder.resolve("~").resolve(name));
    }

    @Test
    void oneDatabaseSpelledFromTheHomeAbsolutelyThroughDotDotOrThroughALinkHasOneLockFile() throws IOException {
        // given
        Files.createDirectories(home);
        Files.createSymbolicLink(link, home);

        // when
        FileRunLock fromHome = lockFor("jdbc:h2:file:~/" + name + "/job-repository;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        FileRunLock absolute = lockFor("jdbc:h2:file:" + home + "/job-repository");
        FileRunLock throughDotDot = lockFor("jdbc:h2:file:" + home + "/../" + name + "/job-repository");
        FileRunLock throughLink = lockFor("jdbc:h2:file:" + link + "/job-repository");

        // then
        Path expected = home.toRealPath().resolve("job-repository.run-lock");
        assertThat(fromHome.file()).isEqualTo(expected);
        assertThat(absolute.file()).isEqualTo(expected);
        assertThat(throughDotDot.file()).isEqualTo(expected);
        assertThat(throughLink.file()).isEqualTo(expected);
        assertThat(workingFolder.resolve("~").resolve(name)).as("no folder named ~ in the working folder").doesNotExist();
    }

    @Test
    void workingFolderRelativeUrlIsNormalisedLikeH2Does() {
        // when
        FileRunLock explicit = lockFor("jdbc:h2:file:./target/" + name + "/data/../data/job-repository");
        FileRunLock implicitFile = lockFor("jdbc:h2:./target/" + name + "/data/job-repository;WRITE_DELAY=0");

        // then
        Path expected = workingFolder.resolve("target").resolve(name).resolve("data").resolve("job-repository.run-lock");
        assertThat(explicit.file()).isEqualTo(expected);
        assertThat(implicitFile.file()).isEqualTo(expected);
    }

    @Test
    void secondRunLockOnTheSameDatabaseSpelledAnotherWayIsRefused() {
        // given
        RunLock fromHome = lockFor("jdbc:h2:file:~/" + name + "/job-repository");
        RunLock absolute = lockFor("jdbc:h2:file:" + home + "/./job-repository");
        assertThat(fromHome.tryAcquire()).isTrue();

        // when / then
        try {
            assertThat(absolute.tryAcquire()).isFalse();
        }
        finally {
            fromHome.release();
        }
        assertThat(absolute.tryAcquire()).as("free once let go").isTrue();
        absolute.release();
    }

    @Test
    void differentDatabasesInOneFolderHaveLocksOfTheirOwn() {
        // given
        FileRunLock first = lockFor("jdbc:h2:file:~/" + name + "/first");
        FileRunLock second = lockFor("jdbc:h2:file:~/" + name + "/second");

        // when / then
        assertThat(first.file()).isNotEqualTo(second.file()).hasParentRaw(second.file().getParent());
        assertThat(first.tryAcquire()).isTrue();
        try {
            assertThat(second.tryAcquire()).isTrue();
            second.release();
        }
        finally {
            first.release();
        }
    }

    private static FileRunLock lockFor(String url) {
        return (FileRunLock) RunLocks.forRepository(url, new DriverManagerDataSource(url, "sa", ""));
    }

    private static void delete(Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }
}
