package org.hotline.workorder;

/**
 * A unit that receives work orders: a repair centre's desk, one of its teams or crews, with two managers' phones
 * for the second-level escalation.
 *
 * @param code          unique code (T1)
 * @param name          what users read (抢修一班)
 * @param kind          repair_centre, team or crew
 * @param repairCentre  the code of the repair centre it belongs to
 * @param parent        the code of the unit above it (a crew's team), or null
 * @param sameSite      whether it sits at the repair centre's site (the short D→E limit)
 * @param manager1Name  first manager
 * @param manager1Phone first manager's phone
 * @param manager2Name  second manager
 * @param manager2Phone second manager's phone
 */
public record WorkOrderUnit(String code, String name, String kind, String repairCentre, String parent,
                            boolean sameSite, String manager1Name, String manager1Phone, String manager2Name,
                            String manager2Phone) {
}
