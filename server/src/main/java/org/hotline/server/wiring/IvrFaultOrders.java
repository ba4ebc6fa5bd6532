package org.hotline.server.wiring;

import org.hotline.ivr.FaultReports;
import org.hotline.workorder.ActiveOutage;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderRejectedException;
import org.hotline.workorder.WorkOrders;

/**
 * The IVR's fault reports as repair orders of the configured type, created by {@code ivr} from the call (point A is
 * the call's end). A fault already known (an outage over the premises, or an open order on them) creates nothing.
 */
public final class IvrFaultOrders implements FaultReports {

    private final WorkOrders orders;
    private final String type;

    /** Creates orders of {@code type} (a repair type routed to the premises' repair centre). */
    public IvrFaultOrders(WorkOrders orders, String type) {
        this.orders = orders;
        this.type = type;
    }

    @Override
    public Result report(Report r) {
        try {
            return new Created(orders.create(new CreateWorkOrder(type, r.callId(), r.customerId(), r.premisesId(),
                    r.number(), "IVR报修：" + r.kind().label(), null, null, false, "ivr", PointSource.IVR)).orderNo());
        } catch (WorkOrderRejectedException e) {
            if (e.kind() == WorkOrderRejectedException.Kind.CONFLICT) {
                // the outage is the cause: its restore time is what the caller wants to hear
                if (!e.outages().isEmpty()) {
                    ActiveOutage o = e.outages().get(0);
                    return new InOutage(o.outageNo(), o.expectedEndAt());
                }
                if (!e.duplicates().isEmpty()) {
                    return new AlreadyOpen(e.duplicates().get(0).orderNo());
                }
            }
            return new Refused(e.getMessage());
        }
    }
}
