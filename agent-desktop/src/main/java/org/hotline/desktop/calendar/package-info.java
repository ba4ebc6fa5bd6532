/** The service calendar's administration (issue #14): holidays, make-up working days and special hours of the hotline. */
package org.hotline.desktop.calendar;
