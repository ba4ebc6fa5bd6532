package org.hotline.cti.network;

/**
 * New values for one transformer area: name (required), repair centre code (null: none, the line's centre applies),
 * responsible person and phone (null: none).
 */
public record AreaEdit(String name, String repairCentreCode, String responsiblePerson, String responsiblePhone) {
}
