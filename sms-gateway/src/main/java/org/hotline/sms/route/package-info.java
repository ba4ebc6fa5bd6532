/** Which SMSC account takes which number (号段 prefixes, priority, failover) and how its text is signed (ADR 0035). */
package org.hotline.sms.route;
