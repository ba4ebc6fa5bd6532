package org.hotline.bench.screenpop;

import java.util.Locale;

/**
 * The screen-pop benchmark's command line: {@code --seconds N} (60) measured seconds after {@code --warmup N} (60: the
 * JIT compiles the load's paths for about a minute, docs/benchmarks.md) seconds at the same {@code --rate R} (100 calls/s), {@code --agents N} (2,000) logged-in agents in queue
 * {@code burst} with extensions from {@code --first-extension N} (30001), {@code --customers N} (1,000,000) demo
 * customers, {@code --data-dir PATH} (empty: a temporary database; a path is kept and reused, so the customers are
 * generated once), {@code --unknown-share F} (0.05) of callers not in the database, {@code --drain N} (10) seconds
 * to wait for missing pops at the end, {@code --seed N} (42), {@code --shared-buffers SIZE} (1GB: PostgreSQL sized to
 * hold the customer tables, as a production database would be; 128MB is PostgreSQL's default), {@code --pbx
 * simulator|asterisk} (simulator; asterisk: the lab's real Asterisk 22 with Local-channel callers and phones, whose
 * defaults become 300 agents from extension 3001 at 10 calls/s: it saturates near 500 concurrent callers on 2 cores),
 * {@code --clients N} (8) WebSocket clients the agents' sockets are spread over, each with one selector thread
 * (1: every socket's frames queue behind each other on one thread, as no two browsers' do).
 */
record BenchOptions(int seconds, int warmupSeconds, double rate, int agents, int firstExtension, int customers,
                    String dataDir, double unknownShare, int drainSeconds, long seed, String sharedBuffers, String pbx, int clients) {

    /** Checks the values. */
    BenchOptions {
        if (seconds < 1 || warmupSeconds < 0 || drainSeconds < 1) {
            throw new IllegalArgumentException("--seconds/--warmup/--drain: " + seconds + "/" + warmupSeconds + "/"
                    + drainSeconds + " (expected: >= 1, >= 0, >= 1)");
        }
        if (!(rate > 0) || rate > 1000) {
            throw new IllegalArgumentException("--rate: " + rate + " (expected: 0 < rate <= 1000 calls/s)");
        }
        if (agents < 1 || agents > 10_000) {
            throw new IllegalArgumentException("--agents: " + agents + " (expected: 1..10000)");
        }
        if (firstExtension < 3000 || firstExtension + agents > 99_999_999) {
            throw new IllegalArgumentException("--first-extension: " + firstExtension
                    + " (expected: >= 3000, clear of the demo's 1001-2003)");
        }
        if (customers < 1) {
            throw new IllegalArgumentException("--customers: " + customers + " (expected: >= 1)");
        }
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--clients: " + clients + " (expected: 1..64)");
        }
        if (unknownShare < 0 || unknownShare > 1) {
            throw new IllegalArgumentException("--unknown-share: " + unknownShare + " (expected: 0..1)");
        }
    }

    /** Parses the arguments; unknown ones are refused so a typo does not silently run the default. */
    static BenchOptions parse(String[] args) {
        int seconds = 60;
        int warmup = 60;
        double rate = 100;
        int agents = 2000;
        int firstExtension = 30001;
        int customers = 1_000_000;
        String dataDir = "";
        double unknownShare = 0.05;
        int drain = 10;
        long seed = 42;
        String sharedBuffers = "1GB";
        String pbx = "simulator";
        int clients = 8;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            String v = args[++i];
            switch (name) {
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--agents" -> agents = Integer.parseInt(v);
                case "--first-extension" -> firstExtension = Integer.parseInt(v);
                case "--customers" -> customers = Integer.parseInt(v.replace("_", "").replace(",", ""));
                case "--data-dir" -> dataDir = v;
                case "--unknown-share" -> unknownShare = Double.parseDouble(v);
                case "--drain" -> drain = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--shared-buffers" -> sharedBuffers = v;
                case "--pbx" -> pbx = v;
                case "--clients" -> clients = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + name + " (expected: --seconds, "
                        + "--warmup, --rate, --agents, --first-extension, --customers, --data-dir, --unknown-share, "
                        + "--drain, --seed, --shared-buffers, --pbx, --clients)");
            }
        }
        if (!pbx.equals("simulator") && !pbx.equals("asterisk")) {
            throw new IllegalArgumentException("--pbx: '" + pbx + "' (expected: simulator or asterisk)");
        }
        java.util.List<String> given = java.util.Arrays.asList(args);
        if (pbx.equals("asterisk")) {
            // the lab dialplan's phones are 4-digit extensions, and Asterisk on 2 cores takes ~500 callers at most
            agents = given.contains("--agents") ? agents : 300;
            firstExtension = given.contains("--first-extension") ? firstExtension : 3001;
            rate = given.contains("--rate") ? rate : 10;
        }
        return new BenchOptions(seconds, warmup, rate, agents, firstExtension, customers, dataDir, unknownShare, drain,
                seed, sharedBuffers, pbx, clients);
    }

    /** One line for the report. */
    String describe() {
        return String.format(Locale.ROOT, "%,d customers, %,d agents, %.0f calls/s for %d s (+%d s warm-up),"
                        + " %.0f%% unknown callers, database %s (shared_buffers %s), PBX %s, %d socket clients", customers, agents,
                rate, seconds, warmupSeconds, unknownShare * 100, dataDir.isBlank() ? "temporary" : dataDir,
                sharedBuffers, pbx, clients);
    }
}
