package io.newsclaims.store.api;

import io.newsclaims.records.Json;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the server itself answers (a malformed request, a URI or headers over the limits, a
 * request refused under load) in the API's own form, {@code {"error": "..."}}, instead of an HTML
 * page naming the server, with no client input repeated, and with the headers of every answer.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(JSON);
        SecurityHeaders.addTo(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        SecurityHeaders.addTo(fields);
        return ByteBuffer.wrap(body(status));
    }

    /** The status's standard reason only: Jetty's message may quote the request. */
    private static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        return Json.writeBytes(Map.of("error", (reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT))
                + " (HTTP " + status + ")"));
    }
}
