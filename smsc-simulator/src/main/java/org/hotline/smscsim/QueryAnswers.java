package org.hotline.smscsim;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.MessageState;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.QuerySmResult;

/** query_sm at the simulator: the final state of each message it accepted, as its receipt says (sent or not). */
final class QueryAnswers {

    private static final DateTimeFormatter FINAL_DATE = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();

    void remember(String messageId, String stat) {
        states.put(messageId, stat);
    }

    int answered() {
        return answered.get();
    }

    QuerySmResult answer(String messageId) throws ProcessRequestException {
        String stat = states.get(messageId);
        if (stat == null) {
            throw new ProcessRequestException("unknown message", SMPPConstant.STAT_ESME_RQUERYFAIL);
        }
        answered.incrementAndGet();
        MessageState state = switch (stat) {
            case "DELIVRD" -> MessageState.DELIVERED;
            case "EXPIRED" -> MessageState.EXPIRED;
            default -> MessageState.UNDELIVERABLE;
        };
        // SMPP absolute time: YYMMDDhhmmss, tenths, quarter hours from UTC, direction
        return new QuerySmResult(LocalDateTime.now().format(FINAL_DATE) + "000+", state,
                (byte) ("DELIVRD".equals(stat) ? 0 : 1));
    }
}
