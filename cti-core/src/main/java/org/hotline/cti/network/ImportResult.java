package org.hotline.cti.network;

/** What an import wrote: rows inserted or updated per table. */
public record ImportResult(int substations, int lines, int areas) {
}
