/** Black-box suites: the conformance corpus, CLI, REPL and embedding tests. */
package org.elisp4j.tests;
