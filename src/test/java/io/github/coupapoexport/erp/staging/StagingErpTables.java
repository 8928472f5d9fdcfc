package io.github.coupapoexport.erp.staging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ERP's side of our own staging tables, for the tests outside this package and the sandbox: the tables created
 * from the shipped script, the ERP's import program ({@link StandInImportProgram}), and what the ERP holds.
 */
public final class StagingErpTables {

    private static final StagingLayout OWN = StagingLayout.preset(StagingLayout.OWN);

    private final String url;

    private final Set<String> knownSuppliers;

    private final Set<String> knownUnits;

    /**
     * @param url where the ERP's database is, for the ERP's side (the job may reach it another way)
     * @param sqlFile the script of {@code sql/staging/} that creates the tables there
     */
    public StagingErpTables(String url, String sqlFile, Set<String> knownSuppliers, Set<String> knownUnits) {
        this.url = url;
        this.knownSuppliers = knownSuppliers;
        this.knownUnits = knownUnits;
        StagingDatabase.runScript(url, new FileSystemResource("sql/staging/" + sqlFile));
    }

    /** The ERP's import program runs once: every pending header accepted or rejected. */
    public void importPending() {
        new StandInImportProgram(jdbc(), OWN, knownSuppliers, knownUnits).run();
    }

    /**
     * The documents the ERP holds or is still to import for the PO: its CREATE headers, pending or accepted, not
     * rejected. An UPDATE header changes the document a CREATE made, so it is no second document.
     */
    public int documentsFor(String poNumber) {
        Integer count = jdbc().queryForObject("SELECT COUNT(*) FROM STAGING_PO_HEADERS WHERE PO_NUMBER = ? "
                + "AND ACTION = 'CREATE' AND STATUS <> 'REJECTED'", Integer.class, poNumber);
        return count == null ? 0 : count;
    }

    /** The quantity of the line in the last header of the PO the ERP accepted, or null without one. */
    public BigDecimal quantityHeld(String poNumber, String lineNumber) {
        List<BigDecimal> quantities = jdbc().queryForList("SELECT l.QUANTITY FROM STAGING_PO_LINES l "
                + "JOIN STAGING_PO_HEADERS h ON h.HEADER_ID = l.HEADER_ID WHERE h.PO_NUMBER = ? AND "
                + "l.LINE_NUMBER = ? AND h.STATUS = 'ACCEPTED' ORDER BY h.HEADER_ID DESC", BigDecimal.class,
                poNumber, Integer.parseInt(lineNumber));
        return quantities.isEmpty() ? null : quantities.get(0);
    }

    /** Every header, oldest first, with its lines' count and its errors, for a person to read. */
    public List<Map<String, Object>> headers() {
        return jdbc().queryForList("SELECT h.HEADER_ID, h.SOURCE_KEY, h.ACTION, h.STATUS, h.PO_NUMBER, h.REVISION, "
                + "h.SUPPLIER_NUMBER, h.CURRENCY, h.TOTAL, h.ERP_DOCUMENT_ID, (SELECT COUNT(*) FROM STAGING_PO_LINES l "
                + "WHERE l.HEADER_ID = h.HEADER_ID) AS LINES, (SELECT COUNT(*) FROM STAGING_PO_DISTRIBUTIONS d "
                + "WHERE d.HEADER_ID = h.HEADER_ID) AS DISTRIBUTIONS FROM STAGING_PO_HEADERS h ORDER BY h.HEADER_ID");
    }

    /** The messages the import program wrote for a header. */
    public List<String> errors(Object headerId) {
        return jdbc().queryForList("SELECT MESSAGE FROM STAGING_PO_ERRORS WHERE HEADER_ID = ? ORDER BY ERROR_ID",
                String.class, headerId);
    }

    private JdbcTemplate jdbc() {
        // A connection per call, closed after it: an H2 file held open here would be held against the job.
        return new JdbcTemplate(new DriverManagerDataSource(url));
    }
}
