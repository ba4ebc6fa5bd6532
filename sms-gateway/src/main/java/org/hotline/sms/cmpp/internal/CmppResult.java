package org.hotline.sms.cmpp.internal;

/** CMPP_SUBMIT_RESP Result codes (section 7.4.4): names for operators, and which are worth a retry. */
final class CmppResult {

    /** Flow control: the gateway asks us to slow down (the CMPP twin of ESME_RTHROTTLED). */
    static final int FLOW_CONTROL = 8;

    private CmppResult() {
    }

    static String name(int result) {
        String text = switch (result) {
            case 1 -> "bad message structure";
            case 2 -> "bad command word";
            case 3 -> "duplicate message sequence";
            case 4 -> "bad message length";
            case 5 -> "bad fee code";
            case 6 -> "message too long";
            case 7 -> "bad service id";
            case 8 -> "flow control";
            case 9 -> "number not served by this gateway";
            case 10 -> "bad Src_Id";
            case 11 -> "bad Msg_src";
            case 12 -> "bad Fee_terminal_Id";
            case 13 -> "bad Dest_terminal_Id";
            default -> "other error";
        };
        return "CMPP result " + result + " (" + text + ")";
    }

    /** A malformed or unroutable message never passes; a duplicate sequence, flow control and unknown codes may. */
    static boolean temporary(int result) {
        return switch (result) {
            case 1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 13 -> false;
            default -> true;
        };
    }
}
