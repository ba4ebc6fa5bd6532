package org.hotline.sms.cmpp.internal;

import java.util.Map;

/** CMPP Command_Id values (CMPP 2.0 / 3.0 section 7.4.1) with names for logs. */
public final class CmppCommand {

    /** Header: Total_Length, Command_Id, Sequence_Id, 4 octets each. */
    public static final int HEADER_LENGTH = 12;
    /** Login request. */
    public static final int CONNECT = 0x00000001;
    /** Login response. */
    public static final int CONNECT_RESP = 0x80000001;
    /** Logout request. */
    public static final int TERMINATE = 0x00000002;
    /** Logout response. */
    public static final int TERMINATE_RESP = 0x80000002;
    /** Submit a short message. */
    public static final int SUBMIT = 0x00000004;
    /** Submit response. */
    public static final int SUBMIT_RESP = 0x80000004;
    /** Deliver a short message or a status report. */
    public static final int DELIVER = 0x00000005;
    /** Deliver response. */
    public static final int DELIVER_RESP = 0x80000005;
    /** Link check. */
    public static final int ACTIVE_TEST = 0x00000008;
    /** Link check response. */
    public static final int ACTIVE_TEST_RESP = 0x80000008;

    private static final Map<Integer, String> NAMES = Map.of(CONNECT, "CMPP_CONNECT", CONNECT_RESP,
            "CMPP_CONNECT_RESP", TERMINATE, "CMPP_TERMINATE", TERMINATE_RESP, "CMPP_TERMINATE_RESP", SUBMIT,
            "CMPP_SUBMIT", SUBMIT_RESP, "CMPP_SUBMIT_RESP", DELIVER, "CMPP_DELIVER", DELIVER_RESP, "CMPP_DELIVER_RESP",
            ACTIVE_TEST, "CMPP_ACTIVE_TEST", ACTIVE_TEST_RESP, "CMPP_ACTIVE_TEST_RESP");

    private CmppCommand() {
    }

    /** Whether this decoder knows the command (others, e.g. QUERY or CANCEL, are reported and skipped). */
    public static boolean known(int commandId) {
        return NAMES.containsKey(commandId);
    }

    /** The spec's name, or the id in hex. */
    public static String name(int commandId) {
        return NAMES.getOrDefault(commandId, "0x%08x".formatted(commandId));
    }
}
