package cn.bqw.platform.input;

import java.util.Optional;
import java.util.Set;

/**
 * What text may hold, the same for JSON fields and CSV cells: no NUL, no C0 or C1 control
 * characters and no lone surrogates (a broken UTF-16 escape). Tab, line feed and carriage return
 * only in the fields that are written over several lines.
 */
public final class CleanText {

    /** Fields whose text may run over several lines. */
    public static final Set<String> MULTI_LINE_FIELDS = Set.of("description", "reason", "note");

    private CleanText() {}

    /** Why {@code text} is refused in {@code field}; empty when it is clean. */
    public static Optional<String> problem(String field, String text) {
        boolean multiLine = field != null && MULTI_LINE_FIELDS.contains(field);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains a broken character (a lone surrogate) at position " + (i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a broken character (a lone surrogate) at position " + (i + 1));
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiLine) {
                    return Optional.of("must be on one line (no tab or line break)");
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return Optional.of(
                        String.format("contains the control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
