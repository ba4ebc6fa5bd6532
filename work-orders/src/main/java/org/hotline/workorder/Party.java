package org.hotline.workorder;

/** Who answers for a stage's time (the party a late stage is charged to). */
public enum Party {
    /** The hotline's agents (坐席). */
    HOTLINE,
    /** Transport of the order between systems or units (network, dispatch system). */
    NETWORK,
    /** The district repair centre's dispatcher (报修中心). */
    REPAIR_CENTRE,
    /** The team member receiving orders (班组). */
    TEAM,
    /** The crew in the field (抢修人员). */
    CREW,
    /** The business hall / customer-service centre (营业厅). */
    SERVICE_CENTRE,
    /** The customer (e.g. paying a fee). */
    CUSTOMER,
    /** Design office. */
    DESIGN,
    /** Construction contractor or team. */
    CONSTRUCTION,
    /** Metering (装表接电, IC cards). */
    METERING,
    /** Safety inspectors (安检). */
    INSPECTION
}
