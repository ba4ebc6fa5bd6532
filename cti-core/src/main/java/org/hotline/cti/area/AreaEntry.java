package org.hotline.cti.area;

import java.util.Objects;

/**
 * One searchable area: its database id, the area code agents may type (A0123) and its Chinese name.
 *
 * @param id   unique within an index
 * @param code the area code, not blank
 * @param name the place name, not blank
 */
public record AreaEntry(long id, String code, String name) {

    /** Rejects missing or blank codes and names, naming the area. */
    public AreaEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.isBlank()) {
            throw new IllegalArgumentException("area " + id + ": blank code");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("area " + id + ": blank name");
        }
    }
}
