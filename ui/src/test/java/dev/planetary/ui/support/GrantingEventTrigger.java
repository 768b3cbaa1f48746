package dev.planetary.ui.support;

/**
 * Something on the target that does more than a plan shows: an event trigger, made by hand as the
 * superuser, that grants SELECT on app.invoice to PUBLIC whenever a policy is created. The catalog
 * guard must see the grant whoever made it.
 */
public final class GrantingEventTrigger {

    private GrantingEventTrigger() {
    }

    /** Runs {@code test} while the trigger exists on the stack's target; removes it afterwards. */
    public static void during(TestStack stack, ThrowingRunnable test) throws Exception {
        stack.server.execute(stack.targetDatabase,
                "CREATE FUNCTION public.smuggle_grant() RETURNS event_trigger LANGUAGE plpgsql AS $f$"
                        + " BEGIN GRANT SELECT ON app.invoice TO PUBLIC; END $f$",
                "CREATE EVENT TRIGGER smuggle_grant ON ddl_command_end WHEN TAG IN ('CREATE POLICY')"
                        + " EXECUTE FUNCTION public.smuggle_grant()");
        try {
            test.run();
        } finally {
            stack.server.execute(stack.targetDatabase, "DROP EVENT TRIGGER smuggle_grant", "DROP FUNCTION public.smuggle_grant()");
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
