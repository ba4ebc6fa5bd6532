package org.hotline.sms.campaign;

/** A status change the campaign's current status does not allow (e.g. resuming a cancelled campaign). */
public class CampaignStateException extends IllegalStateException {

    /** With a message naming the campaign, its status and the refused change. */
    public CampaignStateException(String message) {
        super(message);
    }
}
