package org.hotline.cti.network;

/** A repair centre (供电所/抢修中心) answerable for a line or area, with the phone agents pass to callers. */
public record RepairCentre(String code, String name, String phone) {
}
