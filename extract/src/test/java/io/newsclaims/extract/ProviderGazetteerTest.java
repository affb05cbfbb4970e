package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderGazetteerTest {
    private static final ProviderGazetteer GAZETTEER = ProviderGazetteer.loadDefault();

    private static List<String> ids(String paragraph) {
        return GAZETTEER.find(paragraph, 0, paragraph.length(), Tokenizer.tokenize(paragraph, 0, paragraph.length()))
                .stream().map(m -> m.provider().id()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Alibaba Cloud held a 35.8% share.                              | alibaba-cloud
            Azure's growth slowed in the cloud business.                   | microsoft-azure
            AWS and Google Cloud Platform compete on price.                | aws,google-cloud
            ByteDance's Volcano Engine (14.8%) grew fast.                  | volcano-engine
            Alibaba captured over a third of China's AI cloud market.      | alibaba-cloud
            Alibaba's share price fell after the earnings call.            | -
            Shares of Alibaba rose 8% as its cloud unit grew.              | -
            Alibaba's shares rose as its cloud business grew.              | -
            Alibaba stock climbed on cloud growth.                         | -
            H could be any engineer at Anthropic or Google.                | -
            Tencent's games division grew.                                 | -
            Tencent Cloud and Baidu AI Cloud cut prices.                   | tencent-cloud,baidu-ai-cloud
            The AWSome conference was held in cloud city.                  | -
            Amazon Web Services leads the cloud market, ahead of Microsoft.| aws,microsoft-azure
            """)
    void findsProvidersByNameAndParentInCloudContext(String paragraph, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected.split(",")), ids(paragraph));
    }
}
