/**
 * The {@code newsclaims} command line. The only place that reads configuration (flags and
 * {@code NEWSCLAIMS_*} environment variables, defined once in the option classes) and wires the
 * stages together; the stages themselves know nothing of each other.
 */
package io.newsclaims.app;
