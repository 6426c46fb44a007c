package org.elisp4j.core;

/** Random access to characters, implemented by strings and buffer text (for search and regexps). */
public interface CharSource {
    int length();
    int charAt(int index);
}
