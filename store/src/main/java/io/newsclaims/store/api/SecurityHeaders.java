package io.newsclaims.store.api;

import org.eclipse.jetty.http.HttpFields;

/** The headers every answer carries, the server's own errors (a malformed request, one over the limits) too. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void addTo(HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", ExplorerAssets.CONTENT_SECURITY_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("Referrer-Policy", "no-referrer");
    }
}
