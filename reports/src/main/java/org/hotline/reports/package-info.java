/** Reports: call records, rollups and historical reports (a later issue). */
package org.hotline.reports;
