package io.newsclaims.app;

import io.newsclaims.extract.Provider;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Metric;
import io.newsclaims.store.ProviderReader;
import io.newsclaims.store.ProviderReader.ProviderRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The {@code --metric} and {@code --provider} values of the read commands, checked: a metric must
 * be one of {@link Metric}'s ids, a provider may be given by id, display name, alias or parent
 * company, in any case and spelling of spaces and hyphens ("Alibaba-Cloud", "alibaba", "AWS"). A
 * value that names nothing is a usage error listing what exists, not an empty answer.
 */
final class Filters {
    private Filters() {
    }

    /** The metric id, or null for any; a wrong one is a usage error naming the allowed ones. */
    static String metric(String value, CommandLine cl) {
        if (value == null) {
            return null;
        }
        List<String> ids = Arrays.stream(Metric.values()).map(Metric::id).toList();
        String id = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (!ids.contains(id)) {
            throw new CommandLine.ParameterException(cl, "--metric must be one of " + ids + ", got '" + value + "'");
        }
        return id;
    }

    /**
     * The provider id {@code value} names, "none" for market-level claims, or null for any.
     *
     * @param stored the providers the database knows (with claims, or named in an article)
     */
    static String provider(String value, List<ProviderRow> stored, ProviderGazetteer gazetteer, CommandLine cl) {
        if (value == null || value.equalsIgnoreCase("none")) {
            return value == null ? null : "none";
        }
        String key = ProviderReader.nameKey(value);
        for (ProviderRow row : stored) {
            if (names(row, gazetteer.provider(row.id())).stream().anyMatch(n -> ProviderReader.nameKey(n).equals(key))) {
                return row.id();
            }
        }
        Provider known = gazetteer.provider(value.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known.id(); // a provider of the gazetteer without claims yet
        }
        throw new CommandLine.ParameterException(cl, "no provider '" + value + "' in the database; it knows "
                + (stored.isEmpty() ? "none yet" : String.join(", ", stored.stream().map(ProviderRow::id).toList()))
                + " (ids, names and aliases are accepted in any case; none for market-level claims)");
    }

    private static List<String> names(ProviderRow row, Provider provider) {
        List<String> names = new ArrayList<>(List.of(row.id(), row.name() == null ? row.id() : row.name()));
        if (provider != null) {
            names.add(provider.name());
            names.addAll(provider.aliases());
            names.addAll(provider.parents());
        }
        return names;
    }
}
