package org.hotline.sms.cmpp.internal;

import java.util.Arrays;

/**
 * One CMPP message as framed on the wire: the header's command and sequence and the body octets after it.
 *
 * @param commandId Command_Id
 * @param sequenceId Sequence_Id (a response repeats its request's)
 * @param body the octets after the 12-octet header
 */
public record CmppFrame(int commandId, int sequenceId, byte[] body) {

    /** Copies nothing: frames are handed from the decoder to one reader. */
    public CmppFrame {
        body = body == null ? new byte[0] : body;
    }

    /** Total_Length of this frame. */
    public int totalLength() {
        return CmppCommand.HEADER_LENGTH + body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CmppFrame f && f.commandId == commandId && f.sequenceId == sequenceId
                && Arrays.equals(f.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * commandId + sequenceId) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "CmppFrame[" + CmppCommand.name(commandId) + " seq=" + sequenceId + " " + body.length + " octets]";
    }
}
