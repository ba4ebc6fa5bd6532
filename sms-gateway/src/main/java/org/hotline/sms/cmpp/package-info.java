/** CMPP 2.0 / 3.0, the protocol of China Mobile's SMS gateways, as a second {@code SmscConnection} beside SMPP. */
package org.hotline.sms.cmpp;
