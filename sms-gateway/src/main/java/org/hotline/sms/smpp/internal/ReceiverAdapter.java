package org.hotline.sms.smpp.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hotline.sms.message.DeliveryReceipt;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscProperties.Smsc;
import org.hotline.sms.smpp.SmscReceipt;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns deliver_sm into receipts and MO parts; a listener failure answers ESME_RX_T_APPN so the SMSC tries again. */
final class ReceiverAdapter implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(ReceiverAdapter.class);

    private final Smsc config;
    private final SmsCodec codec;
    private final SmscListener listener;

    ReceiverAdapter(Smsc config, SmsCodec codec, SmscListener listener) {
        this.config = config;
        this.codec = codec;
        this.listener = listener;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            byte[] sm = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
            int dc = deliverSm.getDataCoding() & 0xff;
            if (deliverSm.isSmscDeliveryReceipt()) {
                String text = dc == 8 ? new String(sm, StandardCharsets.UTF_16BE) : new String(sm, StandardCharsets.UTF_8);
                Optional<DeliveryReceipt> receipt = DeliveryReceipt.tryParse(text);
                OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                String id = tlv instanceof OptionalParameter.OctetString s
                        ? readable(trimNul(s.getValueAsString()), true)
                        : receipt.map(r -> r.id() == null ? null : readable(r.id(), false)).orElse(null);
                if (id == null || receipt.isEmpty()) {
                    log.warn("SMSC {}: unreadable receipt ignored: {}", config.name(), text);
                    return;
                }
                listener.onReceipt(new SmscReceipt(config.name(), id, deliverSm.getSourceAddr(),
                        deliverSm.getDestAddress(), receipt.get()));
            } else {
                listener.onMessage(config.name(), deliverSm.getDestAddress(),
                        codec.decode(deliverSm.getSourceAddr(), dc, deliverSm.getEsmClass() & 0xff, sm));
            }
        } catch (RuntimeException e) {
            log.warn("SMSC {}: deliver_sm not stored, the SMSC will deliver it again: {}", config.name(), e.toString());
            throw new ProcessRequestException("not stored: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    /**
     * The id, canonical; as written when the configured format cannot read it (the wrong setting is reported by the
     * connection): stored rather than refused, since an SMSC would deliver a refused receipt again and again.
     */
    private String readable(String id, boolean submitForm) {
        try {
            return submitForm ? config.messageIds().fromSubmitResponse(id) : config.messageIds().fromReceipt(id);
        } catch (IllegalArgumentException e) {
            if (id == null || id.isBlank()) {
                return null;
            }
            log.warn("SMSC {}: receipt id '{}' does not fit the id format settings; stored as written", config.name(),
                    id);
            return id.trim();
        }
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("SMSC {}: alert_notification ignored", config.name());
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
