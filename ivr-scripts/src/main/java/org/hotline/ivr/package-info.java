/**
 * IVR: the FastAGI server and its scripts (issue #14). Each {@link org.hotline.ivr.IvrScript} is a Spring bean that
 * the dialplan reaches by name ({@code AGI(agi://hotline:4573/identify)}); what the caller said goes into channel
 * variables ({@link org.hotline.ivr.IvrVariables}) that reach the agent's screen-pop. asterisk-java's FastAGI types
 * stay in {@code internal}.
 */
package org.hotline.ivr;
