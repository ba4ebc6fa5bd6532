package org.hotline.cti.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge of a listing split over several connections, without a database. */
class OutagesTests {

    private static AffectedCustomer c(long id) {
        return new AffectedCustomer(id, "C" + id, "客户" + id, null, false, false);
    }

    @Test
    void mergeYieldsEveryCustomerOnceInIdOrder() {
        List<AffectedCustomer> out = new ArrayList<>();
        Outages.merge(List.of(List.of(c(1), c(4), c(9)), List.of(), List.of(c(2), c(4), c(10)), List.of(c(4), c(11))),
                out::add);
        assertThat(out).extracting(AffectedCustomer::customerId).containsExactly(1L, 2L, 4L, 9L, 10L, 11L);
    }

    @Test
    void mergeOfNothingYieldsNothing() {
        List<AffectedCustomer> out = new ArrayList<>();
        Outages.merge(List.of(List.of(), List.of()), out::add);
        assertThat(out).isEmpty();
    }
}
