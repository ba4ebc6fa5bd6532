package org.hotline.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The additive counts and sums of {@code call_rollups} over some rows, and the KPIs they give (docs/kpis.md). */
final class QueueSums {

    long offered;
    long answered;
    long abandoned;
    long shortAbandoned;
    long timeouts;
    long unanswered;
    long transferred;
    long answeredWithinT;
    long abandonedWithinT;
    long waitAnswered;
    long waitAbandoned;
    long waitAll;
    long maxWait;
    long talk;
    long hold;
    long wrapUp;
    long wrapUps;
    int serviceLevelSeconds;
    long callbacksRequested;
    long workOrders;
    long surveyed;
    long satisfied;
    long scoreSum;

    /** The sums in the result row's columns from {@code first} on, in the order of Reports' QUEUE_SUMS. */
    static QueueSums read(ResultSet rs, int first) throws SQLException {
        QueueSums s = new QueueSums();
        int i = first;
        s.offered = rs.getLong(i++);
        s.answered = rs.getLong(i++);
        s.abandoned = rs.getLong(i++);
        s.shortAbandoned = rs.getLong(i++);
        s.timeouts = rs.getLong(i++);
        s.unanswered = rs.getLong(i++);
        s.transferred = rs.getLong(i++);
        s.answeredWithinT = rs.getLong(i++);
        s.abandonedWithinT = rs.getLong(i++);
        s.waitAnswered = rs.getLong(i++);
        s.waitAbandoned = rs.getLong(i++);
        s.waitAll = rs.getLong(i++);
        s.maxWait = rs.getLong(i++);
        s.talk = rs.getLong(i++);
        s.hold = rs.getLong(i++);
        s.wrapUp = rs.getLong(i++);
        s.wrapUps = rs.getLong(i++);
        s.serviceLevelSeconds = rs.getInt(i++);
        s.callbacksRequested = rs.getLong(i++);
        s.workOrders = rs.getLong(i++);
        s.surveyed = rs.getLong(i++);
        s.satisfied = rs.getLong(i++);
        s.scoreSum = rs.getLong(i);
        return s;
    }

    /** Adds another row's sums (a longer period, or all queues). */
    void add(QueueSums o) {
        offered += o.offered;
        answered += o.answered;
        abandoned += o.abandoned;
        shortAbandoned += o.shortAbandoned;
        timeouts += o.timeouts;
        unanswered += o.unanswered;
        transferred += o.transferred;
        answeredWithinT += o.answeredWithinT;
        abandonedWithinT += o.abandonedWithinT;
        waitAnswered += o.waitAnswered;
        waitAbandoned += o.waitAbandoned;
        waitAll += o.waitAll;
        maxWait = Math.max(maxWait, o.maxWait);
        talk += o.talk;
        hold += o.hold;
        wrapUp += o.wrapUp;
        wrapUps += o.wrapUps;
        serviceLevelSeconds = Math.max(serviceLevelSeconds, o.serviceLevelSeconds);
        callbacksRequested += o.callbacksRequested;
        workOrders += o.workOrders;
        surveyed += o.surveyed;
        satisfied += o.satisfied;
        scoreSum += o.scoreSum;
    }

    /** The KPIs of these sums for one period and queue. */
    QueueKpis kpis(Instant period, String queue, String queueName, ServiceLevelRule rule) {
        return new QueueKpis(period, queue, queueName, offered, answered, abandoned, shortAbandoned, timeouts,
                unanswered, transferred, Reports.per(abandoned, offered),
                Reports.per(abandoned - shortAbandoned, offered - shortAbandoned),
                rule.apply(answered, answeredWithinT, abandoned, abandonedWithinT, shortAbandoned),
                serviceLevelSeconds, Reports.per(waitAnswered, answered), Reports.per(waitAll, offered),
                Reports.per(waitAbandoned, abandoned), maxWait, Reports.per(talk, answered),
                Reports.per(hold, answered), Reports.per(wrapUp, wrapUps),
                Reports.per(talk + hold + wrapUp, answered), callbacksRequested, workOrders, surveyed,
                Reports.per(satisfied, surveyed), Reports.per(scoreSum, surveyed));
    }
}
