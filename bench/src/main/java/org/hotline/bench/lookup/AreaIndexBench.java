package org.hotline.bench.lookup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hotline.cti.area.AreaEntry;
import org.hotline.cti.area.AreaIndex;
import org.hotline.cti.area.AreaMatch;
import org.hotline.cti.area.PinyinInitials;

/**
 * Measures AreaIndex build time and per-query latency over 100,000 generated place names (a main, not a test, so it
 * never times on a busy CI machine): {@code java -cp ... org.hotline.bench.lookup.AreaIndexBench [areas]}; {@code bench/lookup} runs the whole lookup benchmark.
 */
public final class AreaIndexBench {

    private static final String CHARS = "建设南北东西中山解放人民和平幸福新村小区花园街道巷里长沙重庆厦门金水湖城桥港湾"
            + "光明胜利友谊文化工业农业学府公园龙凤华兴安宁泰康永乐富民朝阳向阳红星团结前进";

    private static final String[] SUFFIXES = {"路", "街", "小区", "村", "台区", "花园", "大道"};

    private AreaIndexBench() {
    }

    /** Builds the index, warms up, then prints p50/p99/max of each query kind in microseconds. */
    public static void main(String[] args) {
        int areas = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(7);
        List<AreaEntry> entries = new ArrayList<>(areas);
        for (int id = 0; id < areas; id++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                name.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            name.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
            if (random.nextInt(4) == 0) {
                name.append(1 + random.nextInt(200)).append('号');
            }
            entries.add(new AreaEntry(id, String.format("A%06d", id), name.toString()));
        }
        long start = System.nanoTime();
        AreaIndex index = AreaIndex.of(entries);
        System.out.printf("build areas=%d ms=%d%n", areas, (System.nanoTime() - start) / 1_000_000);
        PinyinInitials pinyin = PinyinInitials.standard();
        String[][] kinds = {
            {"exact initials", null}, {"initials prefix 1 letter", "j"}, {"initials prefix 3 letters", "jsn"},
            {"code prefix", "a0123"}, {"Chinese 1 char", "路"}, {"Chinese 2 chars", "建设"}, {"Chinese 4 chars", null},
            {"no match", "qqqqqq"},
        };
        for (String[] kind : kinds) {
            long[] micros = new long[20_000];
            for (int round = -5_000; round < micros.length; round++) {
                String query = kind[1];
                if (query == null) {
                    String name = entries.get(random.nextInt(areas)).name();
                    query = kind[0].startsWith("exact") ? pinyin.of(name).toLowerCase()
                            : name.substring(0, Math.min(4, name.length()));
                }
                long t0 = System.nanoTime();
                List<AreaMatch> result = index.search(query);
                long t1 = System.nanoTime();
                if (result.size() > AreaIndex.MAX_LIMIT) {
                    throw new IllegalStateException("impossible");
                }
                if (round >= 0) {
                    micros[round] = (t1 - t0) / 1_000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("%-26s p50_us=%d p99_us=%d max_us=%d%n", kind[0], micros[micros.length / 2],
                    micros[micros.length * 99 / 100], micros[micros.length - 1]);
        }
    }
}
