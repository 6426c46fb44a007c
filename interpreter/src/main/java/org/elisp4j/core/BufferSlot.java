package org.elisp4j.core;

/**
 * The per-buffer variables that Emacs keeps in C fields of every buffer (BVAR). Each is a
 * {@link Symbol.Forward}: its value lives in {@link Buffer#slots}. "Always local" ones have a
 * value in every buffer; the others are local only once set (their default lives in the
 * runtime's defaults buffer, {@code LispRuntime#bufferDefaults}).
 */
public enum BufferSlot implements Symbol.Forward {
    // In the order of Emacs's struct buffer: buffer-local-variables lists them in reverse.
    FILE_NAME("buffer-file-name", true, "stringp"),
    DIRECTORY("default-directory", true, "stringp"),
    BACKED_UP("buffer-backed-up", true, null),
    SAVED_SIZE("buffer-saved-size", true, "integerp"),
    AUTO_SAVE_FILE_NAME("buffer-auto-save-file-name", true, "stringp"),
    READ_ONLY("buffer-read-only", true, null),
    MAJOR_MODE("major-mode", true, "symbolp"),
    LOCAL_MINOR_MODES("local-minor-modes", true, null),
    MODE_NAME("mode-name", true, null),
    MODE_LINE_FORMAT("mode-line-format", false, null),
    HEADER_LINE_FORMAT("header-line-format", false, null),
    TAB_LINE_FORMAT("tab-line-format", false, null),
    CASE_FOLD_SEARCH("case-fold-search", false, null),
    TAB_WIDTH("tab-width", false, "integerp"),
    FILL_COLUMN("fill-column", false, "integerp"),
    LEFT_MARGIN("left-margin", false, "integerp"),
    AUTO_FILL_FUNCTION("auto-fill-function", false, null),
    TRUNCATE_LINES("truncate-lines", false, null),
    WORD_WRAP("word-wrap", false, null),
    CTL_ARROW("ctl-arrow", false, null),
    BIDI_DISPLAY_REORDERING("bidi-display-reordering", false, null),
    BIDI_PARAGRAPH_DIRECTION("bidi-paragraph-direction", false, null),
    SELECTIVE_DISPLAY("selective-display", false, null),
    OVERWRITE_MODE("overwrite-mode", false, null),
    ABBREV_MODE("abbrev-mode", false, null),
    MARK_ACTIVE("mark-active", true, null),
    ENABLE_MULTIBYTE("enable-multibyte-characters", true, null),
    FILE_CODING_SYSTEM("buffer-file-coding-system", false, null),
    FILE_FORMAT("buffer-file-format", true, null),
    AUTO_SAVE_FILE_FORMAT("buffer-auto-save-file-format", true, null),
    CACHE_LONG_SCANS("cache-long-scans", false, null),
    POINT_BEFORE_SCROLL("point-before-scroll", true, null),
    FILE_TRUENAME("buffer-file-truename", true, "stringp"),
    INVISIBILITY_SPEC("buffer-invisibility-spec", true, null),
    DISPLAY_COUNT("buffer-display-count", true, "integerp"),
    LEFT_MARGIN_WIDTH("left-margin-width", false, null),
    RIGHT_MARGIN_WIDTH("right-margin-width", false, null),
    INDICATE_EMPTY_LINES("indicate-empty-lines", false, null),
    DISPLAY_TIME("buffer-display-time", true, null),
    SCROLL_UP_AGGRESSIVELY("scroll-up-aggressively", false, null),
    CURSOR_TYPE("cursor-type", false, null),
    LINE_SPACING("line-spacing", false, null),
    UNDO_LIST("buffer-undo-list", true, null),
    SCROLL_DOWN_AGGRESSIVELY("scroll-down-aggressively", false, null);

    public final String varName;
    public final boolean alwaysLocal;
    public final String predicate;

    BufferSlot(String varName, boolean alwaysLocal, String predicate) {
        this.varName = varName;
        this.alwaysLocal = alwaysLocal;
        this.predicate = predicate;
    }

    public static final BufferSlot[] ALL = values();

    @Override public Object get(Buffer b) { return b.slots[ordinal()]; }
    @Override public void set(Buffer b, Object v) { b.slots[ordinal()] = v; }
    @Override public int defaultIndex() { return alwaysLocal ? -1 : ordinal(); }
    @Override public String predicate() { return predicate; }
}
