/**
 * Scoring extracted claims against gold labels, with the matching rules of the shared
 * {@code score_claims.py}: for users who label their own data, and for the project's own measurements.
 */
package io.newsclaims.extract.eval;
