package org.hotline.sms.smpp.internal;

import java.util.Locale;
import java.util.Map;
import org.jsmpp.SMPPConstant;

/** SMPP command_status values: names for operators, and which rejections are worth a retry. */
final class SmppStatus {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SMPPConstant.STAT_ESME_RINVMSGLEN, "ESME_RINVMSGLEN"),
            Map.entry(SMPPConstant.STAT_ESME_RSYSERR, "ESME_RSYSERR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCADR, "ESME_RINVSRCADR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR"),
            Map.entry(SMPPConstant.STAT_ESME_RBINDFAIL, "ESME_RBINDFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVPASWD, "ESME_RINVPASWD"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSYSID, "ESME_RINVSYSID"),
            Map.entry(SMPPConstant.STAT_ESME_RALYBND, "ESME_RALYBND"),
            Map.entry(SMPPConstant.STAT_ESME_RMSGQFUL, "ESME_RMSGQFUL"),
            Map.entry(SMPPConstant.STAT_ESME_RSUBMITFAIL, "ESME_RSUBMITFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RTHROTTLED, "ESME_RTHROTTLED"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDCS, "ESME_RINVDCS"),
            Map.entry(SMPPConstant.STAT_ESME_RX_T_APPN, "ESME_RX_T_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RX_P_APPN, "ESME_RX_P_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RDELIVERYFAILURE, "ESME_RDELIVERYFAILURE"),
            Map.entry(SMPPConstant.STAT_ESME_RUNKNOWNERR, "ESME_RUNKNOWNERR"));

    private SmppStatus() {
    }

    static String name(int status) {
        return NAMES.getOrDefault(status, "command_status") + " (0x" + Integer.toHexString(status).toLowerCase(Locale.ROOT) + ")";
    }

    /** System errors, a failed submit, a busy application and unknown failures may pass; a bad message never will. */
    static boolean temporary(int status) {
        return status == SMPPConstant.STAT_ESME_RSYSERR || status == SMPPConstant.STAT_ESME_RSUBMITFAIL
                || status == SMPPConstant.STAT_ESME_RX_T_APPN || status == SMPPConstant.STAT_ESME_RDELIVERYFAILURE
                || status == SMPPConstant.STAT_ESME_RUNKNOWNERR || status == SMPPConstant.STAT_ESME_RTHROTTLED
                || status == SMPPConstant.STAT_ESME_RMSGQFUL;
    }
}
