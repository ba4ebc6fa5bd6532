package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;

/**
 * The status report a DELIVER with Registered_Delivery 1 carries: Msg_Id 8, Stat 7, Submit_time 10, Done_time 10
 * (YYMMDDHHMM), Dest_terminal_Id (21 in 2.0, 32 in 3.0), SMSC_sequence 4.
 *
 * @param msgId the Msg_Id the SUBMIT_RESP gave
 * @param stat DELIVRD, EXPIRED, UNDELIV, REJECTD, … or a gateway's own code
 * @param submitTime YYMMDDHHMM
 * @param doneTime YYMMDDHHMM
 * @param destTerminalId the number the message went to
 * @param smscSequence the SMSC's sequence number
 */
public record CmppStatusReport(long msgId, String stat, String submitTime, String doneTime, String destTerminalId,
                               int smscSequence) {

    /** The Msg_Content octets for {@code v}. */
    public byte[] encode(CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(8 + 7 + 10 + 10 + v.terminalIdLength() + 4);
        b.putLong(msgId);
        Octets.putString(b, stat, 7, "Stat");
        Octets.putString(b, submitTime, 10, "Submit_time");
        Octets.putString(b, doneTime, 10, "Done_time");
        Octets.putString(b, destTerminalId, v.terminalIdLength(), "Dest_terminal_Id");
        b.putInt(smscSequence);
        return b.array();
    }

    /** Reads Msg_Content sent in {@code v}. */
    public static CmppStatusReport decode(byte[] content, CmppVersion v) {
        return Octets.read(content, "status report", b -> new CmppStatusReport(b.getLong(), Octets.getString(b, 7),
                Octets.getString(b, 10), Octets.getString(b, 10), Octets.getString(b, v.terminalIdLength()),
                b.getInt()));
    }

    /** The report written as an SMPP receipt text, so the outbox reads both protocols' receipts one way. */
    public String asReceiptText() {
        return "id:" + CmppResponse.canonicalId(msgId) + " sub:001 dlvrd:" + ("DELIVRD".equals(stat) ? "001" : "000")
                + " submit date:" + submitTime + " done date:" + doneTime + " stat:" + stat + " err:000 text:";
    }
}
