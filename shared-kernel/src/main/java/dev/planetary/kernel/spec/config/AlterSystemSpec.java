package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.config.ParameterValue;
import dev.planetary.kernel.ddl.AlterSystem;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.plan.SettingCheck;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import java.util.List;
import java.util.Set;

/**
 * A server parameter set ({@code value}) or reset ({@code reset}) in {@code postgresql.auto.conf} with ALTER
 * SYSTEM, then put in force with {@code pg_reload_conf()} and checked (in force, or waiting for a restart).
 * {@code facts} are the parameter's row of pg_settings and what the file held, read by Planetary at proposal:
 * the value is checked against the first (type, unit, range, enum values) and the inverse writes the second back.
 */
public record AlterSystemSpec(String parameter, String value, Boolean reset, ParameterFacts facts) implements ChangeSpec {

    public static final String KIND = "alter-system";

    /** Parameters whose value decides whether a committed transaction survives a crash. */
    private static final Set<String> DURABILITY = Set.of("fsync", "synchronous_commit", "full_page_writes", "wal_level",
            "wal_sync_method", "data_sync_retry");

    /** Every context but {@code internal}: the server lets ALTER SYSTEM write any parameter it can read from a file. */
    private static final Set<String> CHANGEABLE = Set.of("user", "superuser", "backend", "superuser-backend", "sighup", "postmaster");

    public AlterSystemSpec {
        parameter = ParameterChange.name(parameter);
        reset = reset != null && reset;
        value = ParameterChange.value(value, reset);
        if (facts != null) {
            ParameterChange.check(facts.parameter(), parameter, value, CHANGEABLE,
                    "cannot be changed: it is fixed when the server is built or initialised");
        }
    }

    public AlterSystemSpec withFacts(ParameterFacts facts) {
        return new AlterSystemSpec(parameter, value, reset, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        ConfigParameter known = facts == null ? null : facts.parameter();
        ParameterValue checked = known == null || reset ? null : ParameterValue.of(known, value);
        List<String> elements = reset ? null : ParameterChange.elements(known, parameter, value);
        AlterSystem statement = new AlterSystem(parameter, elements);
        PlanBuilder plan = PlanBuilder.summarised("Server configuration: " + (reset ? "reset " + parameter + " to the server's default"
                        : parameter + " = " + value))
                .touches(ObjectRef.parameter(parameter))
                .statementOutsideTransaction(statement.sql(), OutsideTransaction.setsParameter(statement.rehearsal(),
                        new SettingCheck(parameter, known == null ? "string" : ParameterValue.comparedAs(known),
                                checked == null ? null : checked.setting())));
        inverse(plan);
        if (known != null && "postmaster".equals(known.context())) {
            plan.highRisk(parameter + " takes effect only when the server restarts: until then the file and the server disagree,"
                    + " and the restart itself may fail on a value the server cannot use");
        }
        if (DURABILITY.contains(parameter)) {
            plan.highRisk(parameter + " decides whether committed transactions survive a crash");
        }
        if (known != null && "sighup".equals(known.context())) {
            plan.finding(LintFinding.info("server-wide", parameter + " holds for every session of the server after the reload;"
                    + " sessions cannot set their own"));
        }
        plan.finding(LintFinding.info("reload-and-check", "then pg_reload_conf(), and Planetary checks in a new session that the"
                + " value is in force" + (known == null ? "" : " (" + parameter + " takes " + known.takes() + ")")
                + " or that the server marks it as waiting for a restart"));
        plan.finding(LintFinding.info("auto-conf", "written to postgresql.auto.conf, which wins over postgresql.conf;"
                + " a -c option on the server's command line wins over both"));
        return plan.build();
    }

    /** Writes back what postgresql.auto.conf held: the old value, or no line at all. */
    private void inverse(PlanBuilder plan) {
        if (facts == null || !facts.fileReadable()) {
            plan.inverseNote("the inverse needs what postgresql.auto.conf held for " + parameter
                    + "; Planetary reads it (pg_file_settings) when the change is proposed, where its login may");
            return;
        }
        ConfigParameter known = facts.parameter();
        String old = facts.fileValue();
        AlterSystem back = new AlterSystem(parameter, old == null ? null : ParameterValue.elementsOf(parameter, old));
        ParameterValue oldValue = old == null ? null : tryValue(known, old);
        plan.inverseOutsideTransaction(back.sql(), OutsideTransaction.setsParameter(back.rehearsal(),
                new SettingCheck(parameter, ParameterValue.comparedAs(known), oldValue == null ? null : oldValue.setting())));
    }

    private static ParameterValue tryValue(ConfigParameter known, String fileValue) {
        try {
            return ParameterValue.of(known, fileValue);
        } catch (IllegalArgumentException e) {
            return null; // a line the server refused too: the inverse writes it back and checks nothing
        }
    }
}
