package dev.planetary.ui.propose.function;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.function.FunctionLanguage;
import dev.planetary.kernel.spec.function.FunctionSecurity;
import dev.planetary.kernel.spec.function.FunctionVolatility;
import dev.planetary.kernel.spec.function.ParameterMode;
import dev.planetary.kernel.spec.function.ReturnKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the create-function form from a function as the catalog describes it, to replace it. The
 * fields take the catalog's text as it is (argument types as format_type prints them); what the
 * spec cannot carry (other SET clauses, a language it does not know) is listed in the form's notes.
 */
final class CatalogFunctionDraft {

    static final String SEARCH_PATH = "search_path=";

    private CatalogFunctionDraft() {
    }

    static void fill(CreateFunctionForm form, Catalog.Function function) {
        List<String> notes = new ArrayList<>();
        if (function.kind() != Catalog.RoutineKind.FUNCTION) {
            notes.add(function.signature() + " is a " + function.kind().name().toLowerCase(Locale.ROOT)
                    + ": this form writes functions only.");
        }
        form.schema.setValue(function.schema());
        form.name.setValue(function.name());
        form.parameters.clear();
        for (Catalog.Argument argument : function.arguments()) {
            if (argument.mode() == Catalog.ArgumentMode.TABLE) {
                continue;
            }
            FunctionRows.Parameter row = form.parameters.add();
            row.name.setValue(argument.name() == null ? "" : argument.name());
            row.mode.setValue(ParameterMode.valueOf(argument.mode().name()));
            row.type.setValue(argument.type());
            row.defaultValue.setValue(argument.defaultExpression() == null ? "" : argument.defaultExpression());
        }
        returns(form, function);
        FunctionLanguage language = language(function.language());
        if (language == null || !form.language.getListDataView().contains(language)) {
            notes.add("Its language, " + function.language() + ", cannot be written here: choose plpgsql or sql and port the body.");
        } else {
            form.language.setValue(language);
        }
        form.volatility.setValue(FunctionVolatility.valueOf(function.volatility().name()));
        form.strict.setValue(function.strict());
        form.searchPath.setValue("");
        for (String setting : function.settings()) {
            if (setting.startsWith(SEARCH_PATH)) {
                form.searchPath.setValue(setting.substring(SEARCH_PATH.length()));
            } else {
                notes.add("It also sets " + setting + ", which this form cannot carry: replacing the function drops that setting.");
            }
        }
        form.security.setValue(function.securityDefiner() ? FunctionSecurity.DEFINER : FunctionSecurity.INVOKER);
        form.comment.setValue(function.comment() == null ? "" : function.comment());
        form.body.setValue(function.body() == null ? "" : function.body());
        form.replace.setValue(true);
        form.notes.setText(String.join(" ", notes));
        form.notes.setVisible(!notes.isEmpty());
    }

    /** pg_get_function_result: {@code numeric}, {@code SETOF text}, {@code TABLE(id bigint, ...)}, {@code trigger}, {@code void}. */
    private static void returns(CreateFunctionForm form, Catalog.Function function) {
        String result = function.returns() == null ? "" : function.returns();
        form.columns.clear();
        if (result.startsWith("TABLE(")) {
            form.returnKind.setValue(ReturnKind.TABLE);
            form.columns.clear();
            function.arguments().stream().filter(a -> a.mode() == Catalog.ArgumentMode.TABLE)
                    .forEach(a -> form.columns.add().load(a.name(), a.type()));
            form.returnType.setValue("");
        } else if (result.startsWith("SETOF ")) {
            form.returnKind.setValue(ReturnKind.SETOF);
            form.returnType.setValue(result.substring("SETOF ".length()));
        } else if (result.equals("trigger")) {
            form.returnKind.setValue(ReturnKind.TRIGGER);
            form.returnType.setValue("");
        } else if (result.equals("void")) {
            form.returnKind.setValue(ReturnKind.VOID);
            form.returnType.setValue("");
        } else {
            form.returnKind.setValue(ReturnKind.SCALAR);
            form.returnType.setValue(result);
        }
    }

    private static FunctionLanguage language(String name) {
        for (FunctionLanguage language : FunctionLanguage.values()) {
            if (language.sql().equals(name)) {
                return language;
            }
        }
        return null;
    }
}
