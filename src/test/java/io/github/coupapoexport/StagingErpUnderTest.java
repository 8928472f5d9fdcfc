package io.github.coupapoexport;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.github.coupapoexport.erp.staging.StagingErpTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Our own staging tables in a schema of their own in the real PostgreSQL (the server of
 * {@value JobRepositoryDatabase#POSTGRES_URL_VARIABLE}, default the local one), the job reaching them through a
 * {@link PostgresProxy} that cuts statements, loses a COMMIT's answer or refuses logins, and the ERP's side (its import
 * program, what it holds) reaching them directly.
 */
final class StagingErpUnderTest implements ErpUnderTest {

    /** The supplier and unit of every PO the scenarios issue ({@code CoupaPo.po}): the import program knows them. */
    private static final Set<String> KNOWN_SUPPLIERS = Set.of("SUP-0077");

    private static final Set<String> KNOWN_UNITS = Set.of("EA");

    private final JdbcTemplate admin;

    private final String schema = "cpe_stage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final StagingErpTables tables;

    private final PostgresProxy proxy;

    private final String jobUrl;

    StagingErpUnderTest() {
        String server = System.getenv().getOrDefault(JobRepositoryDatabase.POSTGRES_URL_VARIABLE,
                JobRepositoryDatabase.DEFAULT_POSTGRES_URL);
        admin = new JdbcTemplate(new SingleConnectionDataSource(server, true));
        admin.execute("CREATE SCHEMA " + schema);
        String inSchema = (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        tables = new StagingErpTables(server + inSchema, "postgresql.sql", KNOWN_SUPPLIERS, KNOWN_UNITS);
        URI address = URI.create(server.substring("jdbc:".length()));
        proxy = new PostgresProxy(address.getPort() < 0 ? 5432 : address.getPort());
        jobUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + address.getRawPath()
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()) + inSchema;
    }

    @Override
    public List<String> settings() {
        return List.of("--erp.type=staging-tables", "--erp.staging-tables.url=" + jobUrl,
                "--erp.staging-tables.mark-exported=when-queued", "--erp.staging-tables.timeout=5s",
                "--erp.staging-tables.retry.initial-delay=5ms", "--erp.staging-tables.retry.max-delay=20ms");
    }

    @Override
    public String maxRetries(int retries) {
        return "--erp.staging-tables.retry.max-retries=" + retries;
    }

    @Override
    public int documentsFor(String poNumber) {
        return tables.documentsFor(poNumber);
    }

    @Override
    public BigDecimal quantityHeld(String poNumber, String lineNumber) {
        return tables.quantityHeld(poNumber, lineNumber);
    }

    /** The job writes one PO at a time in a transaction of its own: the next COMMIT is this PO's. */
    @Override
    public void applyAndLoseTheAnswer(String poNumber) {
        proxy.loseNextCommitAnswer();
    }

    /**
     * Each of the adapter's next statements on the staging tables is cut off with its connection, as by a database
     * gone for a moment; the pool's own statements while it connects pass, or it would absorb the cuts unseen.
     */
    @Override
    public void failNextCalls(int times) {
        proxy.cutNextStatementsNaming("STAGING_PO_", times);
    }

    /** The import program knows only {@link #KNOWN_SUPPLIERS}: it rejects any other with this message. */
    @Override
    public String rejectSupplier(String supplierNumber) {
        if (KNOWN_SUPPLIERS.contains(supplierNumber)) {
            throw new IllegalArgumentException("the import program knows supplier " + supplierNumber);
        }
        return "supplier " + supplierNumber + " is unknown";
    }

    @Override
    public void refuseCredentials(boolean refuse) {
        proxy.refuseLogins(refuse);
    }

    @Override
    public boolean decidesLater() {
        return true;
    }

    @Override
    public void importQueued() {
        tables.importPending();
    }

    @Override
    public void close() {
        proxy.close();
        admin.execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
