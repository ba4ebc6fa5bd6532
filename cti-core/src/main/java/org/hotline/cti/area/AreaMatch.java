package org.hotline.cti.area;

/**
 * One search result.
 *
 * @param entry    the area found
 * @param kind     why it matched
 * @param initials the area name's initials, for showing which letters matched
 */
public record AreaMatch(AreaEntry entry, MatchKind kind, String initials) {
}
