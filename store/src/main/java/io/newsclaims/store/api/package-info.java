/** The read-only HTTP JSON API over the store ({@code newsclaims serve}). */
package io.newsclaims.store.api;
