package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.coupapoexport.alerting.AlertProperties;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.erp.rest.RestErpProperties;
import io.github.coupapoexport.erp.sap.SapS4HanaProperties;
import io.github.coupapoexport.erp.staging.StagingTablesProperties;
import io.github.coupapoexport.job.ExportProperties;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;
import io.github.coupapoexport.reconciliation.Since;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Checks the raw command line before anything is started, read or written. Spring ignores an option it does not
 * know, so {@code --dryrun} would run a real export; and a value written after a space ({@code --po 4821},
 * {@code --coupa.client-secret s3cr3t}) would leave the option empty and turn the value into a command. Such a value
 * may be a secret, so no problem found here ever repeats the value of an option.
 */
public final class ArgumentCheck {

    /** The commands, in the order the usage and the messages list them. */
    static final List<String> COMMAND_LIST = List.of("run", "status", "stop", "recover", "failures", "retry", "report",
            "reconcile", "baseline");

    static final Set<String> COMMANDS = Set.copyOf(COMMAND_LIST);

    public static final String USAGE = "usage: java -jar coupa-po-export.jar "
            + "[" + String.join("|", COMMAND_LIST) + "] [--dry-run [--out=DIR]] "
            + "[--po=NUMBER[,NUMBER...]] [--class=CLASS] [--since=DATE] [--fix] [--before=DATE] [--json|--csv] "
            + "[report --out=FILE.html] [--property=value ...]";

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("dry-run", "json", "csv", "fix");

    /** Spring Boot's own switches: more logging; a value ({@code --debug=true}) is allowed. */
    private static final Set<String> SPRING_SWITCHES = Set.of("debug", "trace");

    /** Options of this command line that need a value after {@code =}. */
    private static final Map<String, String> VALUED = Map.of("out", "--out=DIR (dry run) or --out=FILE.html (report)",
            "po", "--po=NUMBER[,NUMBER...]", "class", "--class=" + String.join("|", FailureClass.labels()), "since",
            "--since=DATE", "before", "--before=DATE");

    /**
     * A name Spring can bind: a map key in brackets may hold spaces and dots ({@code
     * erp.sap.plants-by-ship-to.[Berlin Warehouse]}), as Coupa's address names do.
     */
    private static final Pattern BINDABLE_NAME = Pattern.compile("(?:[A-Za-z0-9._\\-]|\\[[^\\[\\]]*])+");

    /** One element of a list setting: {@code coupa.statuses[0]}. */
    private static final Pattern LIST_ELEMENT = Pattern.compile("(.+)\\[\\d+]");

    private static final List<Class<? extends Record>> SETTINGS = List.of(CoupaProperties.class, ErpProperties.class,
            RestErpProperties.class, SapS4HanaProperties.class, StagingTablesProperties.class, ExportProperties.class,
            AlertProperties.class);

    /** Every settings key in Spring's uniform form (lower case, no dashes), and whether it holds a list. */
    private final Map<String, Boolean> keys;

    /** The keys that hold a map: any key below one of them is a settings key (a table's column, a constant). */
    private final Set<String> maps;

    private final Set<String> prefixes;

    private ArgumentCheck(Map<String, Boolean> keys, Set<String> maps, Set<String> prefixes) {
        this.keys = Map.copyOf(keys);
        this.maps = Set.copyOf(maps);
        this.prefixes = Set.copyOf(prefixes);
    }

    /** The options and settings keys of this application, read from its {@code @ConfigurationProperties} records. */
    public static ArgumentCheck ofThisApplication() {
        Map<String, Boolean> keys = new HashMap<>();
        Set<String> maps = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (Class<? extends Record> settings : SETTINGS) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            prefixes.add(uniform(prefix));
            collectKeys(uniform(prefix), settings, keys, maps);
        }
        return new ArgumentCheck(keys, maps, Set.copyOf(prefixes));
    }

    /** The command of arguments this check accepted: the one word that is not an option, {@code run} when none. */
    public static String commandOf(String... arguments) {
        return Arrays.stream(arguments).filter(argument -> !argument.startsWith("--")).findFirst().orElse("run");
    }

    /** Prints every problem and the usage, and returns false, when the arguments are not a valid command line. */
    public boolean accepts(String[] arguments, PrintStream out) {
        List<String> problems = problems(arguments);
        if (problems.isEmpty()) {
            return true;
        }
        problems.forEach(problem -> out.println("coupa-po-export: " + problem));
        out.println(USAGE);
        return false;
    }

    /** What is wrong with these arguments, each problem naming its option but never a value. */
    public List<String> problems(String... arguments) {
        List<String> problems = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        boolean valueFollows = false;
        boolean afterOption = false;
        for (String argument : arguments) {
            if (!argument.startsWith("--")) {
                if (valueFollows) {
                    // The value of the option before it, written after a space: already reported, never repeated.
                    valueFollows = false;
                }
                else {
                    commands.add(argument);
                    shown.add(shown(argument, afterOption));
                }
                continue;
            }
            afterOption = true;
            int equals = argument.indexOf('=');
            String name = argument.substring(2, equals < 0 ? argument.length() : equals);
            String problem = problem(name, equals < 0 ? null : argument.substring(equals + 1));
            if (problem != null) {
                problems.add(problem);
            }
            valueFollows = equals < 0 && !FLAGS.contains(name) && !SPRING_SWITCHES.contains(name);
        }
        if (commands.size() > 1) {
            problems.add("one command at a time, got " + shown);
        }
        else if (commands.size() == 1 && !COMMANDS.contains(commands.get(0))) {
            String word = shown.get(0);
            problems.add("unknown command " + (word.equals(commands.get(0)) ? "'" + word + "'" : word)
                    + " (known: " + String.join(", ", COMMAND_LIST) + ")");
        }
        else if (commands.equals(List.of("retry")) && Arrays.stream(arguments)
            .noneMatch(argument -> argument.startsWith("--po=") || argument.startsWith("--class="))) {
            problems.add("retry needs --po=NUMBER[,NUMBER...] or --class=CLASS (one of the classes failures lists)");
        }
        else if (commands.equals(List.of("baseline"))
                && Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--before="))) {
            problems.add("baseline needs --before=DATE, " + BaselineDate.FORMS + ": the POs Coupa created before it are "
                    + "marked exported without being sent");
        }
        boolean baseline = commands.equals(List.of("baseline"));
        // An option the command ignores would let a mistyped command line do something else than it says.
        Arrays.stream(arguments).filter(argument -> baseline ? argument.matches("--(po|class|out)(=.*)?")
                : argument.matches("--before(=.*)?")).map(argument -> argument.split("=", 2)[0]).distinct()
            .forEach(option -> problems.add(option + (baseline ? " is not an option of baseline"
                    : " is an option of baseline only")));
        return problems;
    }

    /**
     * A word that is not an option, as a message may show it: a known command, or a short plain word before any
     * option, by name; anything else only as "an argument", since it may be a secret (an option written with one
     * dash, the rest of a value with a space in it).
     */
    private static String shown(String word, boolean afterOption) {
        if (COMMANDS.contains(word)) {
            return word;
        }
        return afterOption || !word.matches("[a-z][a-z-]{0,29}") ? "(an argument)" : word;
    }

    /** The part of an option name up to its first character that no key has, as a message may show it. */
    private static String namePart(String name) {
        String shown = name.split("[^A-Za-z0-9._\\-\\[\\]]", 2)[0];
        return shown.isEmpty() ? "unnamed" : "--" + shown + "...";
    }

    /** The problem with one option, or null; {@code value} is null when the option has no {@code =}. */
    private String problem(String name, String value) {
        if (name.isEmpty()) {
            return "an option without a name ('--')";
        }
        if (FLAGS.contains(name)) {
            return value == null ? null : "--" + name + " takes no value";
        }
        if (SPRING_SWITCHES.contains(name)) {
            return null;
        }
        if (VALUED.containsKey(name)) {
            if (value == null) {
                return "--" + name + " needs its value after '=', as in " + VALUED.get(name) + ", not after a space";
            }
            if (name.equals("class") && !FailureClass.labels().contains(value)) {
                return "--class must be one of " + String.join(", ", FailureClass.labels());
            }
            if (name.equals("since") && !value.isBlank() && Since.problem(value) != null) {
                return Since.problem(value);
            }
            if (name.equals("before") && !value.isBlank() && BaselineDate.parse(value).isEmpty()) {
                return "--before must be " + BaselineDate.FORMS;
            }
            if (name.equals("po") && !Selection.of(value).replay()) {
                return "--po needs one or more PO numbers, e.g. --po=4821,4822";
            }
            return value.isBlank() ? "--" + name + " needs a value, as in " + VALUED.get(name) : null;
        }
        if (!BINDABLE_NAME.matcher(name).matches()) {
            // Not a key Spring could bind (e.g. '--erp.password:s3cret'): never shown, it may hold a value.
            return "an option that is not --key=value (" + (namePart(name)) + ")";
        }
        if (!name.contains(".")) {
            return "unknown option --" + name;
        }
        String key = uniform(name);
        if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !isSettingsKey(key)) {
            return "unknown setting --" + name + " (the keys are listed in the README's Configuration section)";
        }
        if (value == null) {
            return "--" + name + " needs its value after '=', as in --" + name + "=VALUE, not after a space";
        }
        return null;
    }

    private boolean isSettingsKey(String key) {
        if (keys.containsKey(key) || maps.stream().anyMatch(map -> key.startsWith(map + "."))) {
            return true;
        }
        Matcher element = LIST_ELEMENT.matcher(key);
        return element.matches() && Boolean.TRUE.equals(keys.get(element.group(1)));
    }

    private static void collectKeys(String prefix, Class<?> settings, Map<String, Boolean> keys, Set<String> maps) {
        for (RecordComponent component : settings.getRecordComponents()) {
            String key = prefix + "." + uniform(boundName(settings, component));
            if (component.getType().isRecord()) {
                collectKeys(key, component.getType(), keys, maps);
            }
            else if (Map.class.isAssignableFrom(component.getType())) {
                maps.add(key);
            }
            else {
                keys.put(key, isList(component.getGenericType()));
            }
        }
    }

    /**
     * The name Spring binds a component to: the one its {@link Name} gives, if any. Java puts that annotation on the
     * component's field and constructor parameter, not on the component itself.
     */
    private static String boundName(Class<?> settings, RecordComponent component) {
        try {
            Name name = settings.getDeclaredField(component.getName()).getAnnotation(Name.class);
            return name == null ? component.getName() : name.value();
        }
        catch (NoSuchFieldException ex) {
            return component.getName();
        }
    }

    private static boolean isList(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Iterable.class.isAssignableFrom(raw);
    }

    /**
     * Spring's relaxed binding compares names ignoring case, dashes and underscores: {@code coupa.client-secret},
     * {@code coupa.clientSecret} and {@code coupa.client_secret} are the same key.
     */
    private static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
