/**
 * Figures in Chinese text: percentages (35.8%, 百分之三十五点八, 三成, 四分之一, 个百分点) and money
 * amounts (518亿元, 一百零七亿元, US$7.3 billion) with Chinese numerals, scale words, currencies and
 * qualifiers, normalized to the same {@link io.newsclaims.records.FigureValue}s as English figures.
 * {@link io.newsclaims.extract.zh.ChineseFigureFinder} is the entry point; the classes beside it
 * hold the rules, and the data files beside them in the resources ({@code numerals.tsv},
 * {@code currencies.tsv}, {@code words.tsv}) hold the knowledge. This package reads nothing
 * from the English extractor above it.
 */
package io.newsclaims.extract.zh;
