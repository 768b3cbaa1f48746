package dev.planetary.ui.review;

import dev.planetary.kernel.request.RequestKey;

import java.util.List;
import java.util.Objects;

/**
 * The {@link RequestKey} of a form's submit: the same content submitted again (a second click, a
 * retry after an error) goes with the same key and takes effect once; other content, as when the
 * form is used for another change, gets a key of its own.
 */
public final class SubmitKey {

    private List<Object> lastContent;
    private RequestKey key;

    public RequestKey of(Object... content) {
        List<Object> now = List.of(content);
        if (key == null || !Objects.equals(now, lastContent)) {
            key = ChangeCommands.newKey();
            lastContent = now;
        }
        return key;
    }
}
