package io.newsclaims.store.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Query parameters of one request, validated on read; unknown parameters are refused. */
final class Params {
    private final Map<String, String> values = new HashMap<>();

    Params(String rawQuery, Set<String> allowed) throws BadRequestException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(key)) {
                throw new BadRequestException("unknown parameter '" + Echo.of(key) + "'; allowed: " + new java.util.TreeSet<>(allowed));
            }
            if (value.length() > 500) {
                throw new BadRequestException("parameter '" + key + "' is longer than 500 characters");
            }
            if (value.indexOf('\0') >= 0) { // PostgreSQL refuses NUL in text: a 400 here, not a 500 there
                throw new BadRequestException("parameter '" + key + "' must not contain a NUL character");
            }
            values.put(key, value);
        }
    }

    private static String decode(String raw) throws BadRequestException {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed percent-encoding in the query: '" + Echo.of(raw) + "'");
        }
    }

    String text(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String oneOf(String key, Set<String> allowed) throws BadRequestException {
        String v = text(key);
        if (v != null && !allowed.contains(v)) {
            throw new BadRequestException(key + " must be one of " + new java.util.TreeSet<>(allowed) + ", got '" + Echo.of(v) + "'");
        }
        return v;
    }

    int integer(String key, int dflt, int min, int max) throws BadRequestException {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequestException(key + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(key + " must be a whole number, got '" + Echo.of(v) + "'");
        }
    }

    /** A number in [0, 1], or null when absent. */
    Double fraction(String key) throws BadRequestException {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 1)) {
                throw new BadRequestException(key + " must be between 0 and 1, got " + Echo.of(v));
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequestException(key + " must be a number between 0 and 1, got '" + Echo.of(v) + "'");
        }
    }

    boolean bool(String key) throws BadRequestException {
        String v = text(key);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new BadRequestException(key + " must be true or false, got '" + Echo.of(v) + "'");
    }

    Instant date(String key) throws BadRequestException {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            return io.newsclaims.records.UserDates.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(key + " must be a date (2025-09-01) or an ISO-8601 instant, in the years 0001 to 9999, got '" + Echo.of(v) + "'");
        }
    }
}
