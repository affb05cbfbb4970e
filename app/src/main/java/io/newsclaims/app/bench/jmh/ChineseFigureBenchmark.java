package io.newsclaims.app.bench.jmh;

import io.newsclaims.extract.zh.ChineseFigureFinder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chinese figure finding ({@link ChineseFigureFinder}) over generated Chinese business news:
 * paragraphs built from sentence patterns written for this benchmark, with figures of every kind
 * (percentages in digits, full-width and Chinese numerals, 成, 个百分点, money with scale words and
 * currencies, ranges, qualifiers) and sentences full of numbers that are not figures (years, dates,
 * counts). The text is the same on every run (fixed seed). One operation is one pass over all
 * paragraphs; MB/s per core = ops/s times the UTF-8 size printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ChineseFigureBenchmark {
    private static final String[] COMPANIES = {"阿里云", "华为云", "腾讯云", "百度智能云", "火山引擎", "天翼云", "移动云", "金山云", "京东云"};
    private static final String[] METRICS = {"营收", "收入", "市场份额", "净利润", "资本开支", "毛利率", "订单金额"};
    private static final String[] FILLER = {
        "在生成式人工智能的带动下，企业客户加快了上云步伐，行业整体保持较快增长。",
        "分析人士认为，算力需求仍将持续释放，但价格竞争也在加剧。",
        "该公司表示，将继续加大在大模型和数据中心方面的投入，并与合作伙伴共同拓展海外市场。",
        "与此同时，政企客户对混合云和专属云的需求明显上升，行业集中度进一步提高。"};

    /** Total size of the generated text in bytes (UTF-8); about 1 MB by default. */
    @Param("1000000")
    public int bytes;

    private final ChineseFigureFinder finder = new ChineseFigureFinder();
    private List<String> paragraphs;

    @Setup(Level.Trial)
    public void generate() {
        paragraphs = generate(bytes, new Random(16));
        long size = paragraphs.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf(Locale.ROOT, "%n[corpus] %d generated Chinese paragraphs, %d bytes (%.3f MB) per operation%n",
                paragraphs.size(), size, size / 1e6);
    }

    /** @return the number of figures, so the work cannot be optimized away */
    @Benchmark
    public int findFigures() {
        int figures = 0;
        for (String p : paragraphs) {
            figures += finder.find(p).size();
        }
        return figures;
    }

    /** Paragraphs of about five sentences each until {@code bytes} UTF-8 bytes are written. */
    static List<String> generate(int bytes, Random r) {
        List<String> out = new ArrayList<>();
        long size = 0;
        while (size < bytes) {
            StringBuilder p = new StringBuilder();
            for (int s = 0; s < 5; s++) {
                p.append(sentence(r));
            }
            String text = p.toString();
            out.add(text);
            size += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return out;
    }

    private static String sentence(Random r) {
        String c = COMPANIES[r.nextInt(COMPANIES.length)];
        String m = METRICS[r.nextInt(METRICS.length)];
        int year = 2020 + r.nextInt(6);
        double pct = r.nextInt(1000) / 10.0;
        int amount = 1 + r.nextInt(9999);
        return switch (r.nextInt(10)) {
            case 0 -> String.format(Locale.ROOT, "据IDC数据显示，%d年上半年%s的%s同比增长%.1f%%，达到%d亿元。", year, c, m, pct, amount);
            case 1 -> String.format(Locale.ROOT, "%s以%s的份额位居第%s，较去年同期提升%s个百分点。", c,
                    fullWidth(String.format(Locale.ROOT, "%.1f％", pct)), chinese(1 + r.nextInt(5)), chinese(1 + r.nextInt(9)) + "点" + chinese(r.nextInt(10)));
            case 2 -> String.format(Locale.ROOT, "%s表示，未来三年将投入超过%s亿元，其中约%s成用于算力建设。", c, chinese(amount), chinese(1 + r.nextInt(9)));
            case 3 -> String.format(Locale.ROOT, "该公司第%s季度%s为%d.%d亿美元，预计全年在%d亿至%d亿元之间。", chinese(1 + r.nextInt(4)), m, amount,
                    r.nextInt(10), amount, amount + 1 + r.nextInt(500));
            case 4 -> String.format(Locale.ROOT, "截至%d年%d月%d日，%s共部署了%d万台服务器和%d个节点，服务%d家公司。", year, 1 + r.nextInt(12),
                    1 + r.nextInt(28), c, 1 + r.nextInt(99), amount, 10 + r.nextInt(900));
            case 5 -> String.format(Locale.ROOT, "%s的%s占比为百分之%s点%s，增速在%d%%-%d%%之间。", c, m, chinese(1 + r.nextInt(99)),
                    chinese(r.nextInt(10)), 5 + r.nextInt(10), 20 + r.nextInt(10));
            case 6 -> String.format(Locale.ROOT, "%s的%s下降%.1f%%，净亏损负%d.%d亿元，大模型价格下调了%d%%。", c, m, pct, 1 + r.nextInt(50),
                    r.nextInt(10), 50 + r.nextInt(50));
            case 7 -> String.format(Locale.ROOT, "交易对价为%d亿港元，约合US$%d.%d billion，另有%d亿令吉用于海外业务。", amount, 1 + r.nextInt(20),
                    r.nextInt(10), 1 + r.nextInt(30));
            case 8 -> String.format(Locale.ROOT, "超过一半的受访企业表示，将把%s四分之一的预算投入公有云，两到三成用于私有云。", m);
            default -> FILLER[r.nextInt(FILLER.length)];
        };
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /** A number below 10,000 in Chinese numerals (一千二百三十四). */
    static String chinese(int n) {
        if (n == 0) {
            return "零";
        }
        StringBuilder b = new StringBuilder();
        String[] units = {"千", "百", "十", ""};
        int[] div = {1000, 100, 10, 1};
        boolean zero = false;
        for (int k = 0; k < 4; k++) {
            int d = n / div[k] % 10;
            if (d == 0) {
                zero = b.length() > 0;
                continue;
            }
            if (zero) {
                b.append('零');
                zero = false;
            }
            if (!(d == 1 && k == 2 && b.length() == 0)) {
                b.append(DIGITS.charAt(d));
            }
            b.append(units[k]);
        }
        return b.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch == '%' ? '％' : ch >= '0' && ch <= '9' || ch == '.' ? (char) (ch + 0xFEE0) : ch);
        }
        return b.toString();
    }
}
