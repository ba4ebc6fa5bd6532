/** SMS gateway: SMPP sessions, the durable outbox and campaigns (issue #5). */
package org.hotline.sms;
