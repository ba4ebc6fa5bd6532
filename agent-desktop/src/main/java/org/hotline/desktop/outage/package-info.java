/** Outage and area-lookup endpoints (issue #4): lookup, line trees, outage lifecycle, board, network imports, public feed. */
package org.hotline.desktop.outage;
