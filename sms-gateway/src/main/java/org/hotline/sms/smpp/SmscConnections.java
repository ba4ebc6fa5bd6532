package org.hotline.sms.smpp;

import org.hotline.sms.cmpp.CmppConnections;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.smpp.SmscProperties.Smsc;
import org.hotline.sms.smpp.internal.JsmppSmscConnection;

/** Creates SMSC connections by the account's protocol; the libraries behind them stay inside each capability. */
public final class SmscConnections {

    private SmscConnections() {
    }

    /** A connection to {@code smsc}, not yet started; MO parts are decoded with {@code codec}. */
    public static SmscConnection create(Smsc smsc, SmsCodec codec, SmscListener listener) {
        return smsc.protocol() == SmscProperties.Protocol.CMPP ? CmppConnections.create(smsc, codec, listener)
                : new JsmppSmscConnection(smsc, codec, listener);
    }
}
