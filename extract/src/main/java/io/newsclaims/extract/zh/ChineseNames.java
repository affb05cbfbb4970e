package io.newsclaims.extract.zh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds provider, company, source and place names in Chinese text with one Aho-Corasick automaton
 * over every name: Chinese has no spaces, so names are matched anywhere, and of overlapping
 * matches the longest wins ("阿里云" over "阿里", "中国移动" over "中国"). Latin names inside
 * Chinese text ("AWS", "IDC") must not run on into Latin letters or digits ("LAWS" is not AWS).
 * A parent's name ("阿里巴巴", "字节跳动") means its cloud unit only in a paragraph that talks
 * about cloud; elsewhere it is a company without provider. Immutable and thread-safe.
 *
 * <p>The knowledge is data: {@code providers-zh.tsv} and {@code companies-zh.tsv} beside this
 * class (their headers document the formats), plus the English names the engine passes.
 */
final class ChineseNames {
    /** Words that make a paragraph a cloud context, besides 云 itself (not in 云南). */
    private static final List<String> CLOUD_CONTEXT = List.of("算力", "数据中心", "數據中心", "智算", "服务器", "伺服器",
            "IaaS", "PaaS", "GPU", "大模型", "cloud", "Cloud");

    /** What a name of the automaton stands for. */
    private record Entry(String providerId, ChineseName.Kind kind, boolean parent, boolean latin) {
    }

    private final PayloadTrie<Entry> trie;

    private ChineseNames(Map<String, Entry> names) {
        PayloadTrie.PayloadTrieBuilder<Entry> builder = PayloadTrie.<Entry>builder().ignoreOverlaps();
        names.forEach(builder::addKeyword);
        this.trie = builder.build();
    }

    /**
     * The names of the given providers and of the data files shipped with newsclaims.
     *
     * @throws IllegalStateException when {@code providers-zh.tsv} names an id the providers lack
     */
    static ChineseNames load(List<ProviderNames> providers) {
        Map<String, Entry> names = new LinkedHashMap<>();
        // companies first: a provider's name replaces a company's of the same spelling
        rows("companies-zh.tsv", (line, cols) -> names.put(cols[0].strip(), new Entry(null,
                cols.length > 1 ? kind(cols[1], line) : ChineseName.Kind.COMPANY, false, isLatin(cols[0].strip()))));
        Map<String, ProviderNames> byId = new LinkedHashMap<>();
        for (ProviderNames p : providers) {
            byId.put(p.id(), p);
            p.parents().forEach(n -> names.put(n, new Entry(p.id(), ChineseName.Kind.PROVIDER, true, isLatin(n))));
        }
        for (ProviderNames p : providers) {
            p.aliases().forEach(n -> names.put(n, new Entry(p.id(), ChineseName.Kind.PROVIDER, false, isLatin(n))));
        }
        rows("providers-zh.tsv", (line, cols) -> {
            String id = cols[0].strip();
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("providers-zh.tsv:" + line + ": unknown provider id '" + id
                        + "'; ids come from providers.tsv");
            }
            if (cols.length > 2) {
                split(cols[2]).forEach(n -> names.put(n, new Entry(id, ChineseName.Kind.PROVIDER, true, isLatin(n))));
            }
            if (cols.length > 1) {
                split(cols[1]).forEach(n -> names.put(n, new Entry(id, ChineseName.Kind.PROVIDER, false, isLatin(n))));
            }
        });
        return new ChineseNames(names);
    }

    /**
     * The names of one paragraph, in text order.
     *
     * @param cloudContext whether the paragraph (or the article's lead) talks about cloud
     */
    List<ChineseName> find(String text, int from, int to, boolean cloudContext) {
        List<ChineseName> out = new ArrayList<>();
        for (PayloadEmit<Entry> emit : trie.parseText(text.substring(from, to))) {
            Entry e = emit.getPayload();
            int start = from + emit.getStart();
            int end = from + emit.getEnd() + 1;
            if (e.latin() && (isLatinOrDigit(text, start - 1) || isLatinOrDigit(text, end))) {
                continue;
            }
            if (e.parent() && !cloudContext) {
                out.add(new ChineseName(null, ChineseName.Kind.COMPANY, true, start, end));
            } else {
                out.add(new ChineseName(e.providerId(), e.kind(), e.parent(), start, end));
            }
        }
        return out;
    }

    /** Whether a text talks about cloud: 云 (but not the province 云南), computing power, data centres... */
    static boolean hasCloudContext(String text) {
        for (int i = text.indexOf('云'); i >= 0; i = text.indexOf('云', i + 1)) {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '南') {
                return true;
            }
        }
        if (text.indexOf('雲') >= 0) {
            return true;
        }
        for (String w : CLOUD_CONTEXT) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinOrDigit(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static boolean isLatin(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 0x80);
    }

    private static ChineseName.Kind kind(String column, int line) {
        return switch (column.strip().toLowerCase(Locale.ROOT)) {
            case "company" -> ChineseName.Kind.COMPANY;
            case "source" -> ChineseName.Kind.SOURCE;
            case "place" -> ChineseName.Kind.PLACE;
            default -> throw new IllegalStateException("companies-zh.tsv:" + line + ": unknown kind '" + column.strip()
                    + "'; expected company, source or place");
        };
    }

    private static List<String> split(String column) {
        return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Calls {@code row} with the line number and tab-separated columns of each data line of a file beside this class. */
    private static void rows(String file, BiConsumer<Integer, String[]> row) {
        InputStream in = ChineseNames.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException(file + " is missing from the classpath");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(n, line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
