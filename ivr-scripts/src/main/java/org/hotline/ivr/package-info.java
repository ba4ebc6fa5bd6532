/** IVR: the FastAGI server and its scripts (a later issue). */
package org.hotline.ivr;
