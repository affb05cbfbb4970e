package io.newsclaims.app;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Extractor knowledge the user can extend. */
final class ExtractOptions {
    @Option(names = "--providers", paramLabel = "FILE", defaultValue = "${env:NEWSCLAIMS_PROVIDERS}",
            description = "Extra provider gazetteer (same TSV format as the built-in one; env NEWSCLAIMS_PROVIDERS).")
    Path providersFile;

    ClaimExtractor extractor() {
        return new ClaimExtractor(gazetteer());
    }

    /** The built-in gazetteer, extended by {@code --providers}. */
    ProviderGazetteer gazetteer() {
        ProviderGazetteer gazetteer = ProviderGazetteer.loadDefault();
        return providersFile == null ? gazetteer : gazetteer.withExtraFile(providersFile);
    }
}
