/** Satisfaction surveys after calls (满意度评价): stored per call, shown on the contact history, read by reports. */
package org.hotline.cti.survey;
