package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinese figures in sentences written for this test. Each row of {@link #findsFigures} is a
 * sentence and the figures expected in it, each as "kind number[/high] [currency] 'text'
 * [qualifier]", joined by " | ".
 */
class ChineseFigureFinderTest {
    private static final ChineseFigureFinder FINDER = new ChineseFigureFinder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            今年上半年，该公司云业务营收达到518亿元。; money 51800000000 CNY '518亿元'
            华为云的份额升至三成。; percent 30 '三成'
            这家厂商占据了七成二的市场。; percent 72 '七成二'
            约五成半的企业已经上云。; percent 55 '五成半' [about]
            四分之一的服务器部署在华东地区。; percent 25 '四分之一'
            超过一半的收入来自海外市场。; percent 50 '一半' [more than]
            政企客户占比提升了3.5个百分点。; percent_points 3.5 '3.5个百分点'
            预计增速在20%-25%之间。; percent 20/25 '20%-25%'
            分析师预计增速为20%至25%。; percent 20/25 '20%至25%'
            两到三成的工作负载将迁移到公有云。; percent 20/30 '两到三成'
            全年营收预计为23.1亿至40.35亿元。; money 2310000000/4035000000 CNY '23.1亿至40.35亿元'
            中国云计算市场规模有望突破1.2万亿元。; money 1200000000000 CNY '1.2万亿元'
            该部门去年营收一百零七亿元。; money 10700000000 CNY '一百零七亿元'
            公司将投入两千亿元建设算力中心。; money 200000000000 CNY '两千亿元'
            该公司当季净亏损负1.3亿元。; money -130000000 CNY '负1.3亿元'
            该公司当季净亏损-1.3亿元。; money -130000000 CNY '-1.3亿元'
            投资金额逾50亿元。; money 5000000000 CNY '50亿元' [more than]
            市场份额近四成。; percent 40 '四成' [nearly]
            每月成本约300万美元。; money 3000000 USD '300万美元' [about]
            单笔订单最高1亿欧元。; money 100000000 EUR '1亿欧元' [up to]
            其市场份额不到10%。; percent 10 '10%' [less than]
            增长率在30%以上。; percent 30 '30%' [more than]
            交易金额为80亿港元左右。; money 8000000000 HKD '80亿港元' [around]
            公司员工的平均年薪为30多万元。; money 300000 CNY '30多万元' [more than]
            该产品价格下降12%。; percent 12 '12%'
            云服务收入以港币计为12亿港币，以日元计为500亿日元。; money 1200000000 HKD '12亿港币' | money 50000000000 JPY '500亿日元'
            交易对价为1.5亿英镑，另有2亿令吉用于马来西亚业务。; money 150000000 GBP '1.5亿英镑' | money 200000000 MYR '2亿令吉'
            亚马逊云科技宣布投资US$7.3 billion建设新区域。; money 7300000000 USD 'US$7.3 billion'
            该芯片售价约3.5万元人民币。; money 35000 CNY '3.5万元人民币' [about]
            １２月３１日，百分之百的客户完成了迁移。; percent 100 '百分之百'
            营收同比增长３５．８％。; percent 35.8 '３５．８％'
            毛利率为百分之三十五点八。; percent 35.8 '百分之三十五点八'
            价格下降了三成多。; percent 30 '三成' [more than]
            部分产品打七五折，会员再打九折。; percent 75 '七五折' | percent 90 '九折'
            这一比例已升至三分之一。; percent 33.33 '三分之一'
            其中十几家企业营收过亿元，数百家企业营收超千万元。; money 100000000 CNY '亿元' [more than] | money 10000000 CNY '千万元' [more than]
            统一定价后，第一季度营收增长5%。; percent 5 '5%'
            从20%增至25%，又从25%至30%。; percent 20 '20%' | percent 25 '25%' | percent 25 '25%' | percent 30 '30%'
            毛利率从38%提升至42%，经营利润率为负5%。; percent 38 '38%' | percent 42 '42%' | percent -5 '负5%'
            收入预计在300亿至350亿元之间，增速为15%~20%。; money 30000000000/35000000000 CNY '300亿至350亿元' | percent 15/20 '15%~20%'
            IDC预测，到2029年中国AI云市场规模将达到1.3兆元。; money 1300000000000 CNY '1.3兆元'
            截至6月30日，公司持有现金约合1,580亿港元（约202亿美元）。; money 158000000000 HKD '1,580亿港元' [about] | money 20200000000 USD '202亿美元' [about]
            营收增长20.5%，达到¥1,234亿。; percent 20.5 '20.5%' | money 123400000000 CNY '¥1,234亿'
            价格为9.9元，会员价五元三毛。; money 9.9 CNY '9.9元' | money 5.3 CNY '五元三毛'
            每股派息1.95港元，合计派息50亿港元。; money 1.95 HKD '1.95港元' | money 5000000000 HKD '50亿港元'
            该服务器售价两美元又三美分。; money 2.03 USD '两美元又三美分'
            收入同比增长百分之二十至百分之三十。; percent 20/30 '百分之二十至百分之三十'
            公司的营收中有近八成来自云业务，其余两成来自硬件。; percent 80 '八成' [nearly] | percent 20 '两成'
            全年营收约为一千二百三十四亿五千万元。; money 123450000000 CNY '一千二百三十四亿五千万元' [about]
            该项目总投资为4,500万美元。; money 45000000 USD '4,500万美元'
            市场份额由2024年的12.5%增至2025年的15.3%。; percent 12.5 '12.5%' | percent 15.3 '15.3%'
            数十亿美元的投资涌入，上百亿元的订单，成千上万元，近千亿元的市场，几百万元。; money 100000000000 CNY '千亿元' [nearly]
            收入为十亿元，其中约百亿元来自海外。; money 1000000000 CNY '十亿元' | money 10000000000 CNY '百亿元' [about]
            截至2025 百分之五十的企业上云，投资1000 万元，7 万5 千4 百元。; percent 50 '百分之五十' | money 10000000 CNY '1000 万元' | money 75400 CNY '7 万5 千4 百元'
            七八成的企业已经上云，两三成的预算用于AI。; percent 70/80 '七八成' | percent 20/30 '两三成'
            该公司营收过亿元，融资超亿美元，订单近万亿元，价值上亿元。; money 100000000 CNY '亿元' [more than] | money 100000000 USD '亿美元' [more than] | money 1000000000000 CNY '万亿元' [nearly] | money 100000000 CNY '亿元' [more than]
            营收过亿，万元户，一亿元，亿元级项目。; money 100000000 CNY '一亿元'
            市场上35%的企业已经上云。; percent 35 '35%'
            該公司第三季營收為５１８億元，年增１２．５％。; money 51800000000 CNY '５１８億元' | percent 12.5 '１２．５％'
            收入約為美金3.2億元，毛利率逾三成。; money 320000000 USD '美金3.2億元' [about] | percent 30 '三成' [more than]
            预计明年市场规模在1.5万亿元～1.8万亿元之间。; money 1500000000000/1800000000000 CNY '1.5万亿元～1.8万亿元'
            央行下调贷款市场报价利率25个基点。; percent_points 0.25 '25个基点'
            該公司營收達到一百零七億元，市佔率約為三成五，較去年提升兩個百分點。; money 10700000000 CNY '一百零七億元' | percent 35 '三成五' [about] | percent_points 2 '兩個百分點'
            騰訊雲收入超過港幣50億元，同比增長百分之十二點五。; money 5000000000 HKD '港幣50億元' [more than] | percent 12.5 '百分之十二點五'
            该公司市值蒸发超过2000亿美元，股价一度下跌逾两成。; money 200000000000 USD '2000亿美元' [more than] | percent 20 '两成' [more than]
            """)
    void findsFigures(String sentence, String expected) {
        assertEquals(expected, describe(FINDER.find(sentence)));
    }

    /** Years, dates, counts, multipliers, estimates, names, URLs and words built on numerals: no figure. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2025年，公司共部署了50万台服务器和1000个节点，服务300家公司，收入增长两倍。",
            "据统计，二三十家企业参与了测试。",
            "访问 https://example.com/search?q=30%25%2020% 查看详情。",
            "5G基站和H100芯片的出货量均增长。",
            "数十亿美元的投资涌入该领域。",
            "他说：“我们的目标是三年内做到一百亿。”",
            "该数据中心功率达到200兆瓦，部署了一万张GPU卡。",
            "该公司将元宇宙业务拆分，并推进多元化战略。"
    })
    void findsNoFigure(String sentence) {
        assertEquals(List.of(), FINDER.find(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            8%至12%; 12
            3至5亿美元; 500000000
            两到三成; 30
            """)
    void rangesEndHigherThanTheyStart(String text, BigDecimal high) {
        FigureValue f = FINDER.find(text).get(0);
        assertEquals(2, f.number().size(), text);
        assertEquals(0, high.compareTo(f.number().get(1)), text);
        assertEquals(text, f.text());
        assertEquals(0, f.start());
        assertEquals(text.length(), f.end());
    }

    /**
     * Runs of numerals, digits, units and spaces that a careless scanner re-reads from every
     * position. The time-out guards against a hang (quadratic work on these inputs would take
     * hours); it is not a speed target.
     */
    @Test
    @Timeout(120)
    void staysLinearOnHostileInput() {
        assertEquals(List.of(), FINDER.find("百".repeat(200_000)));
        assertEquals(List.of(), FINDER.find("一二".repeat(200_000)));
        assertEquals(List.of(), FINDER.find("9".repeat(100_000) + "x".repeat(100_000)));
        assertEquals(1, FINDER.find("1".repeat(100_000) + "%" + " ".repeat(100_000) + "5%").size());
        assertEquals(100_000, FINDER.find("1% ".repeat(100_000)).size());
        assertEquals(100_000, FINDER.find("三成，".repeat(100_000)).size());
    }

    /**
     * Random strings of numerals, digits, units, currencies and punctuation (fixed seed): never an
     * exception, and every figure's text is the text at its offsets.
     */
    @Test
    void readsRandomTextSafely() {
        String alphabet = "0123456789.,-%％０１２３．，－零〇一二两三四五六七八九十百千万亿兆几余多点分之成折半又个百"
                + "元美港币人民$US￥¥ 负至到~—从约超过以上左右打对基kKMBbillion素为合e^/";
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(25); k >= 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            for (FigureValue f : FINDER.find(text)) {
                assertEquals(text.substring(f.start(), f.end()), f.text(), text);
            }
        }
    }

    /** One line per figure: kind, numbers, currency, the text as written, the qualifier. */
    static String describe(List<FigureValue> figures) {
        return figures.stream().map(f -> f.kind().id() + " "
                + f.number().stream().map(BigDecimal::toPlainString).collect(Collectors.joining("/"))
                + (f.currency() != null ? " " + f.currency() : "") + " '" + f.text() + "'"
                + (f.qualifier() != null ? " [" + f.qualifier() + "]" : "")).collect(Collectors.joining(" | "));
    }
}
