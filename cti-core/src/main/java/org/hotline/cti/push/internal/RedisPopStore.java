package org.hotline.cti.push.internal;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushUnavailableException;
import org.hotline.cti.screenpop.ScreenPop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pops in Redis: per agent a hash {@code <prefix>{agent}} (field = call id, value = the pop's JSON) and a sorted
 * set {@code <prefix>{agent}:ended} of the call ids that are no longer live, scored by when their linger ends.
 * Each operation is one Lua script, so the version check and the linger bookkeeping are atomic; both keys carry
 * the pop TTL, renewed on every put, so a node that dies mid-call leaves nothing behind for longer than that.
 */
public final class RedisPopStore implements PopStore {

    private static final Logger log = LoggerFactory.getLogger(RedisPopStore.class);

    // KEYS: hash, ended; ARGV: callId, json, version, live (1/0), lingerEndsAt ms, ttl ms, now ms
    private static final String PUT = """
            local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[7])
            if #gone > 0 then
              redis.call('HDEL', KEYS[1], unpack(gone))
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[7])
            end
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if old then
              local v = cjson.decode(old)['version']
              if v and tonumber(v) >= tonumber(ARGV[3]) then return 0 end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if ARGV[4] == '1' then
              redis.call('ZREM', KEYS[2], ARGV[1])
            else
              redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[6])
            return 1
            """;

    // KEYS: hash, ended; ARGV: callId
    private static final String REMOVE = """
            redis.call('ZREM', KEYS[2], ARGV[1])
            return redis.call('HDEL', KEYS[1], ARGV[1])
            """;

    // KEYS: hash, ended; ARGV: now ms
    private static final String CURRENT = """
            local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            if #gone > 0 then
              redis.call('HDEL', KEYS[1], unpack(gone))
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            end
            return redis.call('HVALS', KEYS[1])
            """;

    private final StatefulRedisConnection<String, String> connection;
    private final String keyPrefix;
    private final Duration ttl;
    private final Duration endedLinger;
    private final Clock clock;
    private final ThrottledLog writeFailures = new ThrottledLog(log, 10, TimeUnit.SECONDS);

    /**
     * A store on {@code connection} (owned by the caller) under {@code keyPrefix}; {@code clock} times the linger
     * of ended pops, so nodes' clocks should agree to well under {@code endedLinger} (NTP does).
     */
    public RedisPopStore(StatefulRedisConnection<String, String> connection, String keyPrefix, Duration ttl,
                         Duration endedLinger, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.endedLinger = Objects.requireNonNull(endedLinger, "endedLinger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void put(ScreenPop pop) {
        Objects.requireNonNull(pop, "pop");
        long now = clock.millis();
        String[] args = {pop.callId(), PopJson.write(pop), Long.toString(pop.version()), pop.live() ? "1" : "0",
                Long.toString(now + endedLinger.toMillis()), Long.toString(ttl.toMillis()), Long.toString(now)};
        write("put", PUT, keys(pop.agent()), args);
    }

    @Override
    public void remove(String agent, String callId) {
        Objects.requireNonNull(callId, "callId");
        write("remove", REMOVE, keys(agent), new String[] {callId});
    }

    @Override
    public List<ScreenPop> current(String agent) {
        String[] keys = keys(agent);
        if (!connection.isOpen()) {
            throw new PushUnavailableException("Redis is not connected: pops of " + agent + " unavailable", null);
        }
        List<String> values;
        try {
            values = connection.sync().eval(CURRENT, ScriptOutputType.MULTI, keys, Long.toString(clock.millis()));
        } catch (RedisException e) {
            throw new PushUnavailableException("Redis did not answer for the pops of " + agent, e);
        }
        List<ScreenPop> pops = new ArrayList<>(values.size());
        for (String json : values) {
            try {
                pops.add(PopJson.readPop(json));
            } catch (IllegalArgumentException e) {
                // one unreadable entry (say, from a newer node) must not hide the agent's other pops
                log.warn("Pop of {} in Redis is not readable, skipped: {}", agent, e.getMessage());
            }
        }
        pops.sort(PopOrder.SNAPSHOT);
        return pops;
    }

    private void write(String what, String script, String[] keys, String[] args) {
        try {
            connection.async().<Long>eval(script, ScriptOutputType.INTEGER, keys, args).whenComplete((r, failure) -> {
                if (failure != null) {
                    writeFailures.warn("Pop " + what + " in Redis failed", failure);
                }
            });
        } catch (RedisException e) {
            writeFailures.warn("Pop " + what + " in Redis refused", e);
        }
    }

    private String[] keys(String agent) {
        Objects.requireNonNull(agent, "agent");
        // the hash tag keeps both keys of an agent in one Redis Cluster slot, as a multi-key script requires
        String hash = keyPrefix + "{" + agent + "}";
        return new String[] {hash, hash + ":ended"};
    }
}
