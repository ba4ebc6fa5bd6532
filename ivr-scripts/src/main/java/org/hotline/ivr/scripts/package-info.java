/** The IVR scripts, each a Spring bean reached by its name from the dialplan. */
package org.hotline.ivr.scripts;
