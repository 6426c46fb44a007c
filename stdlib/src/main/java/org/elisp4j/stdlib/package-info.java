/**
 * The primitives that are C in GNU Emacs, one class per Emacs C file, split by topic when a file
 * is large:
 * <ul>
 * <li>data.c: {@code Data}, {@code DataVars}, {@code DataArrays}, {@code Arith}; floatfns.c:
 *     {@code Floatfns}; alloc.c: {@code Alloc};</li>
 * <li>fns.c: {@code Fns} and its topical siblings, {@code FnsRandom}; character.c:
 *     {@code Characters} (not {@code Character}, which would shadow {@code java.lang.Character});
 *     casefiddle.c: {@code Casefiddle};</li>
 * <li>buffer.c: {@code Buffers}; insdel.c and undo.c: {@code Insdel}; editfns.c: {@code Editfns};
 *     editfns.c's fields: {@code Fields}; xdisp.c's invisibility: {@code Xdisp}; profiler.c's
 *     {@code function-equal}: {@code Profiler};
 *     marker.c: {@code Markers}; cmds.c: {@code Cmds}; textprop.c: {@code Textprop}; indent.c:
 *     {@code Indent};</li>
 * <li>editfns.c's formatting: {@code Format} ({@code format}, {@code format-message}),
 *     {@code Message} ({@code message}) and {@code MessageLog} (the {@code *Messages*} buffer), with
 *     their helpers;</li>
 * <li>search.c: {@code Search}, with the regexp engine in the {@code regex} subpackage;</li>
 * <li>fileio.c's auto-save mechanism: {@code AutoSave}; keyboard.c's timers and auto-save
 *     triggers: {@code Keyboard}.</li>
 * <li>keymap.c: {@code Keymap} (keymaps as lists, parents, one-event lookup, traversal),
 *     {@code KeymapDefine} ({@code define-key}, {@code lookup-key}), {@code KeymapActive} (the
 *     active maps, {@code key-binding}, remapping), {@code KeyDescription} and {@code WhereIs};
 *     keyboard.c's input: {@code KeyEvents} (modifier bits and event symbols),
 *     {@code KeyboardRead} (read_char, {@code read-event} and the input queue), {@code KeySequence}
 *     ({@code read-key-sequence}, {@code this-command-keys}), {@code KeyboardInput} (the command
 *     loop state); macros.c and the command loop: {@code Macros}; callint.c: {@code Callint}.</li>
 * <li>fileio.c: {@code FileNames} (name functions), {@code FileHandlers} (magic file names),
 *     {@code FilePredicates} (tests, modes, times), {@code FileOps} (copy, rename, delete, links,
 *     directories), {@code Fileio} ({@code write-region}, modtimes, temporary files) and
 *     {@code FileRead} ({@code insert-file-contents}); dired.c: {@code Dired} with
 *     {@code FileCompletion}; filelock.c: {@code Filelock}; charset.c: {@code Charsets}; coding.c:
 *     {@code Coding}, with the coding systems in {@code CodingSystem}, the converters in
 *     {@code Codec}, the encodability queries in {@code CodingSafe} and the terminal's coding
 *     systems in {@code TerminalCoding}; callproc.c's
 *     environment: {@code Callproc}; editfns.c's user and host functions: {@code UserInfo}.</li>
 * <li>window.c: {@code Windows} (one window: accessors, selection, its buffer, point and start),
 *     {@code WindowTree} (sizes, splitting, deleting, window order) and {@code WindowConfigs};
 *     frame.c: {@code Frames}; terminal.c: {@code Terminals}; their objects and per-runtime state
 *     are in the {@code window} subpackage.</li>
 * </ul>
 * Package-private helpers hold what several primitives share ({@code Num} the number tower,
 * {@code NumberSyntax}, {@code FloatText} (float printing until the printer's), {@code CorrectMath}
 * (glibc-exact inverse trigonometry and logarithms), {@code Sequences}, {@code Concat}, {@code CaseMapping},
 * {@code CharWidth}, {@code WordSyntax}, {@code FileErrors} (the file-error family from Java I/O
 * failures), {@code FilePaths} (Lisp file names as Java paths), {@code FileTimes},
 * {@code FileioState} (the umask and the auto-saving flags), ...).
 *
 * <p>Every public static method annotated {@code @Defun} becomes a Lisp function; the build-time
 * processor generates the glue and registers every class with the runtime.
 */
package org.elisp4j.stdlib;
