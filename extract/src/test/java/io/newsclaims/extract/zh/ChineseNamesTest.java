package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.extract.ProviderGazetteer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseNamesTest {
    /** The shipped gazetteer's providers, as the engine passes them. */
    private static final List<ProviderNames> PROVIDERS = ProviderGazetteer.loadDefault().providers().stream()
            .map(p -> new ProviderNames(p.id(), p.name(), p.aliases(), p.parents())).toList();
    private static final ChineseNames NAMES = ChineseNames.load(PROVIDERS);

    private static List<String> find(String text, boolean cloud) {
        return NAMES.find(text, 0, text.length(), cloud).stream()
                .map(n -> text.substring(n.start(), n.end()) + "=" + (n.providerId() == null ? n.kind() : n.providerId()))
                .toList();
    }

    @Test
    void theLongestNameWinsWithoutWordBoundaries() {
        assertEquals(List.of("阿里云=alibaba-cloud", "中国移动云=china-mobile-cloud", "中国=PLACE"),
                find("阿里云与中国移动云在中国竞争", true));
    }

    @Test
    void aParentMeansTheCloudUnitOnlyInACloudContext() {
        assertEquals(List.of("阿里巴巴=alibaba-cloud"), find("阿里巴巴的收入", true));
        assertEquals(List.of("阿里巴巴=COMPANY"), find("阿里巴巴的收入", false));
        assertEquals(List.of("Amazon=COMPANY"), find("Amazon的零售收入", false));
    }

    @Test
    void latinNamesDoNotRunOnIntoLatinWords() {
        assertEquals(List.of("IDC=SOURCE", "AWS=aws"), find("据IDC的数据，AWS份额为30%", false));
        assertEquals(List.of(), find("LAWS和AWSome", false));
    }

    @Test
    void cloudContextIsCloudComputingNotTheProvince() {
        assertTrue(ChineseNames.hasCloudContext("公有云市场"));
        assertTrue(ChineseNames.hasCloudContext("算力需求"));
        assertFalse(ChineseNames.hasCloudContext("云南的旅游收入"));
    }

    @Test
    void aChineseNameForAnUnknownProviderIsABrokenDataFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChineseNames.load(List.of()));
        assertTrue(e.getMessage().contains("providers-zh.tsv"), e.getMessage());
    }
}
