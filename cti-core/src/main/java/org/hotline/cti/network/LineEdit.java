package org.hotline.cti.network;

/** New values for one feeder line: name (required) and repair centre code (null: none). */
public record LineEdit(String name, String repairCentreCode) {
}
