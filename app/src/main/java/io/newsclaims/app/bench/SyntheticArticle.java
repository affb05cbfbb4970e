package io.newsclaims.app.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One generated news story about cloud providers: a title, paragraphs in which figures (market
 * shares, growth, revenue, market sizes) stand beside sentences that only name a provider and
 * sentences that name none, and the providers named with their counts. The same {@code seed} gives
 * the same story. Every sentence is a template of this class filled with varied providers, numbers,
 * markets and periods.
 *
 * @param path      the page's path on its site, e.g. {@code /2025/03/huawei-cloud-share-417}
 * @param title     the headline
 * @param published when the story was published
 * @param paragraphs the body, one string per paragraph
 * @param mentions  provider name to the number of times the body and title name it
 */
public record SyntheticArticle(String path, String title, Instant published, List<String> paragraphs,
                               Map<String, Integer> mentions) {
    /** Provider names as the built-in gazetteer knows them. */
    static final List<String> PROVIDERS = List.of("Alibaba Cloud", "Amazon Web Services", "Microsoft Azure",
            "Google Cloud", "Huawei Cloud", "Tencent Cloud", "Baidu AI Cloud", "Volcano Engine", "Oracle Cloud",
            "Kingsoft Cloud", "JD Cloud", "IBM Cloud");
    private static final List<String> MARKETS = List.of("China's public cloud market", "the global cloud infrastructure market",
            "the Asia-Pacific IaaS market", "Europe's cloud services market", "China's AI cloud market",
            "the Southeast Asian cloud market", "the market for GPU cloud capacity");
    private static final List<String> ANALYSTS = List.of("Canalys", "Synergy Research Group", "IDC", "Omdia", "Gartner",
            "Counterpoint");
    private static final List<String> QUARTERS = List.of("the first quarter", "the second quarter", "the third quarter",
            "the fourth quarter");
    private static final List<String> CITIES = List.of("Jakarta", "Riyadh", "Mexico City", "Frankfurt", "Seoul",
            "Johannesburg", "Bangkok", "Madrid", "Osaka", "Santiago");
    private static final List<String> FILLER = List.of(
            "Customers are moving training and inference workloads to rented accelerators rather than buying their own.",
            "Price cuts on storage and compute instances have become a regular feature of the competition.",
            "Several enterprises said they now split their spending between two or more suppliers to avoid lock-in.",
            "Demand for sovereign cloud offerings grew as regulators tightened rules on where data may be kept.",
            "Executives told investors that capacity, not demand, is what limits growth this year.",
            "The industry has spent heavily on data centres, power contracts and networking equipment.",
            "Smaller providers compete on price and on support for open-source databases.",
            "Analysts cautioned that quarterly figures can swing with large one-off contracts.",
            "Start-ups building language models remain among the largest buyers of GPU hours.",
            "Telecom operators have expanded their own clouds, drawing on their government customers.");

    /** Generates the story of {@code seed}; {@code index} makes its path unique on its site. */
    public static SyntheticArticle generate(long seed, int index) {
        Random r = new Random(seed);
        Writer w = new Writer(r);
        String lead = pick(r, PROVIDERS);
        String market = pick(r, MARKETS);
        int year = 2023 + r.nextInt(3);
        String period = period(r, year);
        String share = decimal(r, 3, 40);
        String title = switch (r.nextInt(3)) {
            case 0 -> w.name(lead) + " holds " + share + "% of " + market;
            case 1 -> w.name(lead) + " revenue climbs as AI demand grows";
            default -> "Cloud spending rises; " + w.name(lead) + " gains ground";
        };
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(w.name(lead) + " held a " + share + "% share of " + market + " in " + period + ", according to "
                + pick(r, ANALYSTS) + ". " + pick(r, FILLER));
        int body = 5 + r.nextInt(5);
        for (int p = 0; p < body; p++) {
            StringBuilder text = new StringBuilder();
            int sentences = 2 + r.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(w.sentence(year));
            }
            paragraphs.add(text.toString());
        }
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
        String slug = lead.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + (title.contains("%") ? "share" : "cloud")
                + "-" + index;
        String path = String.format(Locale.ROOT, "/%d/%02d/%s", day.getYear(), day.getMonthValue(), slug);
        return new SyntheticArticle(path, title, day.atTime(6 + r.nextInt(12), r.nextInt(60)).toInstant(ZoneOffset.UTC),
                List.copyOf(paragraphs), Map.copyOf(w.mentions));
    }

    /** The body as plain text, paragraphs separated by blank lines. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }

    /** Fills sentence templates and counts the providers it names. */
    private static final class Writer {
        private final Random r;
        private final Map<String, Integer> mentions = new TreeMap<>();

        Writer(Random r) {
            this.r = r;
        }

        String name(String provider) {
            mentions.merge(provider, 1, Integer::sum);
            return provider;
        }

        String sentence(int year) {
            String period = period(r, year);
            return switch (r.nextInt(9)) {
                case 0 -> provider() + "'s revenue rose " + decimal(r, 5, 60) + "% from a year earlier to $"
                        + decimal(r, 1, 30) + " billion in " + period + ", the company said.";
                case 1 -> pick(r, ANALYSTS) + " estimates that " + pick(r, MARKETS) + " will be worth $"
                        + decimal(r, 20, 400) + " billion in " + (year + 1) + ".";
                case 2 -> provider() + " held a " + decimal(r, 2, 35) + "% share of " + pick(r, MARKETS) + " in " + period
                        + ", " + pick(r, ANALYSTS) + " said in a report.";
                case 3 -> "Revenue at " + provider() + " grew " + decimal(r, 3, 80) + "% in " + period
                        + ", faster than the market as a whole.";
                case 4 -> provider() + " opened a data centre region in " + pick(r, CITIES) + " and said more would follow.";
                case 5 -> "Analysts said " + provider() + " and " + provider() + " are competing for the same AI customers.";
                case 6 -> provider() + " declined to comment on its pricing plans.";
                default -> pick(r, FILLER);
            };
        }

        private String provider() {
            return name(pick(r, PROVIDERS));
        }
    }

    private static String period(Random r, int year) {
        return switch (r.nextInt(4)) {
            case 0 -> QUARTERS.get(r.nextInt(4)) + " of " + year;
            case 1 -> "Q" + (1 + r.nextInt(4)) + " " + year;
            case 2 -> (r.nextBoolean() ? "the first half of " : "the second half of ") + year;
            default -> String.valueOf(year);
        };
    }

    /** A number from {@code low} to {@code high} with one decimal, as articles print them. */
    private static String decimal(Random r, int low, int high) {
        int tenths = low * 10 + r.nextInt((high - low) * 10);
        return tenths / 10 + "." + tenths % 10;
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
