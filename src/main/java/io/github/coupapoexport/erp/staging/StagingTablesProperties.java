package io.github.coupapoexport.erp.staging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code erp.staging-tables.*} keys of the staging-tables adapter: the ERP's database, the layout of its
 * interface tables and what changes in it. The maps are keyed by table ({@code headers}, {@code lines},
 * {@code distributions}, {@code errors}) and, within a table, by the logical field or by the column.
 *
 * @param url the JDBC URL of the ERP's database (not the job repository); the default is an embedded H2 file that
 * creates our own tables ({@code sql/staging/h2.sql}) on first use, for trying the job out
 * @param username the database user (or none, when the URL names it)
 * @param password that user's password
 * @param layout {@code coupa-po-export}: our own tables ({@code sql/staging/}); {@code oracle-ebs}: Oracle E-Business
 * Suite's purchasing open interface (PO_HEADERS_INTERFACE ...)
 * @param markExported {@code when-accepted}: a PO counts as exported in Coupa once the ERP's import accepted it;
 * {@code when-queued}: already once its rows are written
 * @param keyLength the length of the header's key column; a longer idempotency key is stored as {@code sha256-}
 * and its digest (the layout's own: 200, oracle-ebs 150)
 * @param tables a table's name, e.g. {@code headers: XX_PO_HEADERS_STG} (may name a schema: {@code PO.X})
 * @param columns a field's column per table, e.g. {@code headers.supplier-number: VENDOR_NUM}; an empty column
 * leaves the field out
 * @param constants a column's fixed value per table, e.g. {@code headers.org-id: 204} (or {@code [ORG_ID]}); a whole
 * number is written as a number; on the errors table they select the rows of this import
 * @param idExpressions per table, the SQL that numbers a new row, e.g. {@code headers:
 * PO_HEADERS_INTERFACE_S.NEXTVAL}; empty: the id column fills itself (identity, auto_increment)
 * @param actions the action column's value per action ({@code create}, {@code update}, {@code cancel},
 * {@code close})
 * @param statuses the status column's values ({@code pending}, {@code accepted}, {@code rejected}); any other value
 * counts as still pending
 * @param timeout how long a connection or statement may take before it counts as failed (then retried)
 * @param retry the backoff for a database that cannot be reached, times out or deadlocks (4 retries unless set)
 */
@ConfigurationProperties("erp.staging-tables")
public record StagingTablesProperties(
        @DefaultValue(StagingTablesProperties.DEFAULT_URL) String url,
        @Nullable String username,
        @Nullable Secret password,
        @DefaultValue(StagingLayout.OWN) String layout,
        @DefaultValue(StagingTablesProperties.WHEN_ACCEPTED) String markExported,
        @Nullable Integer keyLength,
        @Nullable Map<String, String> tables,
        @Nullable Map<String, Map<String, String>> columns,
        @Nullable Map<String, Map<String, String>> constants,
        @Nullable Map<String, String> idExpressions,
        @Nullable Map<String, String> actions,
        @Nullable Map<String, String> statuses,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue @NestedConfigurationProperty RetrySettings retry) implements CheckedSettings {

    /**
     * Beside the job's own H2 file ({@code ./data}); AUTO_SERVER so that a stand-in import program can open it while
     * the job runs; the tables are created on first connection from the script the jar carries.
     */
    static final String DEFAULT_URL = "jdbc:h2:file:./data/erp-staging;AUTO_SERVER=TRUE;"
            + "INIT=RUNSCRIPT FROM 'classpath:erp-staging/h2.sql'";

    static final String WHEN_ACCEPTED = "when-accepted";

    static final String WHEN_QUEUED = "when-queued";

    static final int DEFAULT_MAX_RETRIES = 4;

    private static final String PREFIX = "erp.staging-tables";

    /** A table or column name: written into SQL as it is, so nothing else may pass. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#.]*");

    /** An id expression: a sequence call in the database's syntax, nothing that ends or comments out a statement. */
    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z0-9_$#.()' ]+");

    /** The shortest key column that holds {@code sha256-}, enough of the digest and an attempt's {@code #n}. */
    static final int MIN_KEY_LENGTH = 32;

    public StagingTablesProperties {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        idExpressions = idExpressions == null ? Map.of() : Map.copyOf(idExpressions);
        actions = actions == null ? Map.of() : Map.copyOf(actions);
        statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
        retry = retry.orMaxRetries(DEFAULT_MAX_RETRIES);
    }

    boolean countsAsExportedWhenQueued() {
        return WHEN_QUEUED.equals(markExported);
    }

    /** The layout these settings describe; only for settings without {@link #problems()}. */
    StagingLayout stagingLayout() {
        return StagingLayout.preset(layout).with(this);
    }

    @Override
    public SettingsArea area() {
        return SettingsArea.ERP;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add(PREFIX + ".url is required (the JDBC URL of the ERP's database)");
        }
        else if (!url.startsWith("jdbc:")) {
            problems.add(PREFIX + ".url must be a JDBC URL, jdbc:...");
        }
        if (!StagingLayout.OWN.equals(layout) && !StagingLayout.ORACLE_EBS.equals(layout)) {
            problems.add(PREFIX + ".layout must be " + StagingLayout.OWN + " or " + StagingLayout.ORACLE_EBS
                    + " (was '" + layout + "')");
        }
        if (!WHEN_ACCEPTED.equals(markExported) && !WHEN_QUEUED.equals(markExported)) {
            problems.add(PREFIX + ".mark-exported must be " + WHEN_ACCEPTED + " or " + WHEN_QUEUED + " (was '"
                    + markExported + "')");
        }
        if (keyLength != null && keyLength < MIN_KEY_LENGTH) {
            problems.add(PREFIX + ".key-length must be " + MIN_KEY_LENGTH + " or more (was " + keyLength + ")");
        }
        if (timeout == null || timeout.toMillis() < 250) {
            problems.add(PREFIX + ".timeout must be 250ms or more (was " + timeout + ")");
        }
        tables.forEach((table, name) -> {
            if (tableProblem(problems, "tables." + table, table)) {
                identifier(problems, "tables." + table, name, false);
            }
        });
        columns.forEach((table, named) -> {
            if (tableProblem(problems, "columns." + table, table)) {
                named.forEach((field, column) -> {
                    if (!StagingTable.byKey(table).fields().contains(field)) {
                        problems.add(PREFIX + ".columns." + table + "." + field + " is not a field of " + table
                                + " (known: " + String.join(", ", StagingTable.byKey(table).fields()) + ")");
                    }
                    identifier(problems, "columns." + table + "." + field, column, true);
                });
            }
        });
        constants.forEach((table, values) -> {
            if (tableProblem(problems, "constants." + table, table)) {
                values.keySet().forEach(column -> identifier(problems, "constants." + table + "." + column,
                        StagingLayout.constantColumn(column), false));
            }
        });
        idExpressions.forEach((table, expression) -> {
            if (tableProblem(problems, "id-expressions." + table, table) && expression != null
                    && !expression.isBlank() && !EXPRESSION.matcher(expression).matches()) {
                problems.add(PREFIX + ".id-expressions." + table + " must be a sequence call such as"
                        + " SEQ.NEXTVAL, nextval('seq') or NEXT VALUE FOR seq (was '" + expression + "')");
            }
        });
        valueProblems(problems, "actions", actions, Stream.of(ErpAction.values()).map(Enum::name).toList());
        valueProblems(problems, "statuses", statuses, Stream.of(StagingLayout.Status.values()).map(Enum::name)
            .toList());
        problems.addAll(retry.problems(PREFIX + ".retry"));
        if (problems.isEmpty()) {
            problems.addAll(layoutProblems(stagingLayout()));
        }
        return problems;
    }

    /** What the layout, overrides applied, lacks: a field the adapter links rows by, an id column, ORG_ID for EBS. */
    private List<String> layoutProblems(StagingLayout layout) {
        List<String> problems = new ArrayList<>();
        for (StagingTable table : StagingTable.values()) {
            for (String field : table.required()) {
                if (layout.column(table, field) == null) {
                    problems.add(PREFIX + ".columns." + table.key() + "." + field + " must name a column: the"
                            + " adapter links and finds rows by it");
                }
            }
            if (table != StagingTable.ERRORS && layout.idExpression(table) != null
                    && layout.column(table, "id") == null) {
                problems.add(PREFIX + ".id-expressions." + table.key() + " is set, so " + PREFIX + ".columns."
                        + table.key() + ".id must name the column it fills");
            }
        }
        if (StagingLayout.ORACLE_EBS.equals(layout.name())
                && !layout.constants().get(StagingTable.HEADERS).containsKey("ORG_ID")) {
            problems.add(PREFIX + ".constants.headers.org-id is required with layout " + StagingLayout.ORACLE_EBS
                    + " (the operating unit the import runs for)");
        }
        return problems;
    }

    /** Without the password, and with the URL cut before anything that may carry one. */
    @Override
    public String toString() {
        return "StagingTablesProperties[url=" + StagingFailures.shown(url) + ", username=" + username
                + ", password=" + password + ", layout=" + layout + ", markExported=" + markExported + "]";
    }

    private static boolean tableProblem(List<String> problems, String key, String table) {
        if (StagingTable.keys().contains(table)) {
            return true;
        }
        problems.add(PREFIX + "." + key + ": '" + table + "' is not a table (known: "
                + String.join(", ", StagingTable.keys()) + ")");
        return false;
    }

    private static void identifier(List<String> problems, String key, @Nullable String name, boolean emptyAllowed) {
        boolean empty = name == null || name.isEmpty();
        if (empty ? !emptyAllowed : !IDENTIFIER.matcher(name).matches()) {
            problems.add(PREFIX + "." + key + " must be a name of letters, digits, _, $, # and . (was '"
                    + (name == null ? "" : name) + "')");
        }
    }

    private static void valueProblems(List<String> problems, String key, Map<String, String> values,
            List<String> known) {
        values.forEach((name, value) -> {
            if (!known.contains(name.toUpperCase(Locale.ROOT))) {
                problems.add(PREFIX + "." + key + "." + name + " is not one of " + String.join(", ",
                        known.stream().map(each -> each.toLowerCase(Locale.ROOT)).toList()));
            }
            else if (value == null || value.isBlank()) {
                problems.add(PREFIX + "." + key + "." + name + " must not be empty");
            }
        });
    }
}
