package io.newsclaims.extract.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.ArticleSummary.Mentions;
import io.newsclaims.records.ProviderRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionCounterTest {
    private final MentionCounter counter = new MentionCounter(ProviderGazetteer.loadDefault());

    @Test
    void countsEveryNameOfEachFoundProviderAsWholeWords() {
        String text = "Amazon Web Services grew. AWS said its AWS Lambda service doubled; Awsome is not a name. "
                + "Google Cloud and GCP trailed, and Google Cloud Platform added regions.";
        List<Mentions> m = counter.count(text, List.of(new ProviderRef("aws", "Amazon Web Services"),
                new ProviderRef("google-cloud", "Google Cloud")));
        // AWS: the full name, AWS, and AWS Lambda once (not also its Lambda); Google: Google Cloud, GCP, Google Cloud Platform
        assertEquals(List.of(new Mentions("aws", "Amazon Web Services", 3), new Mentions("google-cloud", "Google Cloud", 3)), m);
    }

    @Test
    void aProviderTheExtractorFoundCountsOnceEvenWhereNoNameMatchesAsWritten() {
        assertEquals(List.of(new Mentions("tencent-cloud", "Tencent Cloud", 1)),
                counter.count("TENCENT CLOUD expanded.", List.of(new ProviderRef("tencent-cloud", "Tencent Cloud"))));
    }

    @Test
    void nothingFoundNothingCounted() {
        assertEquals(List.of(), counter.count("Cloud spending rose 20%.", List.of()));
    }
}
