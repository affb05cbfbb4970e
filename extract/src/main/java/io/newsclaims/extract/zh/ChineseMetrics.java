package io.newsclaims.extract.zh;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Metric;
import java.util.List;

/**
 * Decides what a figure of Chinese text measures from the words of its clause (the text between
 * the previous figure and the next one), as the English classifier does, with the same order:
 * percentages are a share (市场份额, 份额, 占比, 市占率), a price change (降价, 下调, 价格), growth
 * (增长, 同比, 下降), revenue (营收, 收入) or, in a market's words, a share; money is revenue,
 * investment (投资, 投入, 资本开支) or a market's size (市场规模, 行业). The first cue that matches wins.
 */
final class ChineseMetrics {
    private static final List<String> SHARE = List.of("份额", "份額", "占比", "市占", "占据", "占據", "占有", "占到", "占了",
            "占", "佔");
    private static final List<String> PRICE = List.of("降价", "降價", "下调", "下調", "调价", "調價", "价格", "價格", "折扣",
            "优惠", "優惠", "打折", "提价", "提價", "涨价", "漲價", "费用", "費用", "资费", "資費");
    private static final List<String> GROWTH = List.of("增长", "增長", "增速", "增幅", "同比", "环比", "環比", "上涨", "上漲",
            "上升", "提升", "提高", "下降", "下滑", "下跌", "减少", "減少", "降幅", "跌", "复合", "複合", "翻番", "翻倍", "增加",
            "回落", "萎缩", "萎縮", "扩大", "擴大", "降低", "缩小", "縮小");
    private static final List<String> REVENUE = List.of("营收", "營收", "营业收入", "營業收入", "收入", "营业额", "營業額",
            "销售额", "銷售額", "利润", "利潤", "净利", "淨利", "盈利", "毛利", "创收", "創收");
    private static final List<String> INVESTMENT = List.of("投资", "投資", "投入", "资本开支", "資本開支", "资本支出",
            "資本支出", "融资", "融資", "募资", "募資", "募集", "注资", "注資", "砸", "建设", "建設", "采购", "採購");
    private static final List<String> MARKET = List.of("市场", "市場", "规模", "規模", "行业", "行業", "产业", "產業", "支出");

    private ChineseMetrics() {
    }

    static Metric classify(FigureValue figure, String clause) {
        if (figure.kind() == FigureKind.MONEY) {
            if (containsAny(clause, REVENUE)) {
                return Metric.REVENUE;
            }
            if (containsAny(clause, INVESTMENT)) {
                return Metric.INVESTMENT;
            }
            return containsAny(clause, MARKET) ? Metric.MARKET_SIZE : Metric.OTHER;
        }
        if (containsAny(clause, SHARE)) {
            return Metric.MARKET_SHARE;
        }
        if (containsAny(clause, PRICE)) {
            return Metric.PRICE_CHANGE;
        }
        if (containsAny(clause, GROWTH)) {
            return Metric.GROWTH;
        }
        if (containsAny(clause, REVENUE)) {
            return Metric.REVENUE;
        }
        return containsAny(clause, MARKET) ? Metric.MARKET_SHARE : Metric.OTHER;
    }

    private static boolean containsAny(String text, List<String> cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
