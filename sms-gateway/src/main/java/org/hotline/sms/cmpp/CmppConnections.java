package org.hotline.sms.cmpp;

import org.hotline.sms.cmpp.internal.CmppSmscConnection;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscProperties.Smsc;

/** Creates CMPP 2.0 / 3.0 gateway connections; the Netty client and the codec stay inside this capability. */
public final class CmppConnections {

    private CmppConnections() {
    }

    /** A connection to the CMPP gateway {@code smsc} names, not yet started. */
    public static SmscConnection create(Smsc smsc, SmsCodec codec, SmscListener listener) {
        return new CmppSmscConnection(smsc, codec, listener);
    }
}
