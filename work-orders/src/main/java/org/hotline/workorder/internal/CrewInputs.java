package org.hotline.workorder.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hotline.workorder.CrewApp.Material;
import org.hotline.workorder.CrewApp.Position;
import org.hotline.workorder.WorkOrderRejectedException;

/** Checks what a crew sends (position, materials) before anything is recorded: bad input is a 400 with the reason. */
public final class CrewInputs {

    private CrewInputs() {
    }

    /** The position, or null for none; partial or out of range is refused. @throws WorkOrderRejectedException */
    public static Position position(Position p) {
        if (p == null || p.latitude() == null && p.longitude() == null && p.accuracy() == null) {
            return null;
        }
        if (p.latitude() == null || p.longitude() == null || p.accuracy() == null) {
            throw invalid("position: latitude, longitude and accuracy go together (expected: all three, or none "
                    + "when the phone has no position)");
        }
        if (!(p.latitude() >= -90 && p.latitude() <= 90)) {
            throw invalid("latitude: " + p.latitude() + " (expected: -90 to 90 degrees)");
        }
        if (!(p.longitude() >= -180 && p.longitude() <= 180)) {
            throw invalid("longitude: " + p.longitude() + " (expected: -180 to 180 degrees)");
        }
        if (!(p.accuracy() >= 0 && p.accuracy() <= 10_000)) {
            throw invalid("accuracy: " + p.accuracy() + " (expected: 0 to 10000 metres)");
        }
        return p;
    }

    /** Whether a position lies in a generous box around China (outside it the phone is more likely wrong). */
    public static boolean inChina(Position p) {
        return p.latitude() >= 3 && p.latitude() <= 54 && p.longitude() >= 73 && p.longitude() <= 136;
    }

    /** The materials, stripped; none, more than 50 or a bad row is refused. @throws WorkOrderRejectedException */
    public static List<Material> materials(List<Material> materials) {
        if (materials == null || materials.isEmpty() || materials.size() > 50) {
            throw invalid("materials: none or more than 50 (expected: a list of {name, quantity, unit})");
        }
        List<Material> clean = new ArrayList<>();
        for (Material m : materials) {
            String name = m == null || m.name() == null ? "" : m.name().strip();
            String unit = m == null || m.unit() == null ? "" : m.unit().strip();
            if (name.isEmpty() || name.length() > 100 || unit.isEmpty() || unit.length() > 20 || m.quantity() == null
                    || m.quantity().signum() <= 0 || m.quantity().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw invalid("materials: " + m + " (expected: a name of 1 to 100 characters, a quantity "
                        + "above 0 and at most 1000000, a unit of 1 to 20 characters)");
            }
            clean.add(new Material(name, m.quantity(), unit));
        }
        return clean;
    }

    private static WorkOrderRejectedException invalid(String message) {
        return new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID, message);
    }
}
