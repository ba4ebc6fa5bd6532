package org.hotline.ivr;

/**
 * The channel variables the scripts read and set. Set with Asterisk's {@code __} prefix, they are inherited by the
 * agent's leg, so manager.conf {@code channelvars} carries them to the screen-pop (which lists them in
 * {@code hotline.screen-pop.variables}).
 */
public final class IvrVariables {

    /** Every step the caller went through, joined by '>' ({@code entry>identify=number>outage=TD001:agent}). */
    public static final String PATH = "HOTLINE_IVR_PATH";
    /** The identified customer's id in Hotline. */
    public static final String CUSTOMER_ID = "HOTLINE_CUSTOMER_ID";
    /** The account number (户号) the caller was identified by, or chose. */
    public static final String ACCOUNT = "HOTLINE_ACCOUNT";
    /** The outage the caller was told about. */
    public static final String OUTAGE = "HOTLINE_OUTAGE";
    /** The work order the caller reported, or was linked to. */
    public static final String WORK_ORDER = "HOTLINE_WORKORDER";
    /** Where the dialplan goes after a script: {@code queue}, {@code hangup} or {@code menu}. */
    public static final String NEXT = "HOTLINE_IVR_NEXT";

    /** The {@link #NEXT} value that sends the caller to the queue. */
    public static final String NEXT_QUEUE = "queue";
    /** The {@link #NEXT} value that ends the call (the caller was served). */
    public static final String NEXT_HANGUP = "hangup";
    /** The {@link #NEXT} value that goes back to the main menu. */
    public static final String NEXT_MENU = "menu";

    private IvrVariables() {
    }
}
