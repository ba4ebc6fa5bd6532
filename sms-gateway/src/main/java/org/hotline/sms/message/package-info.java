/**
 * SMS message codec: GSM-7 / UCS-2 choice, splitting with a concatenation UDH, reassembly of received parts, segment
 * previews, delivery-receipt parsing and message-id normalisation (issue #5, ADR 0007).
 */
package org.hotline.sms.message;
