package org.hotline.sms.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing rule without Spring, a database or sockets. */
class RoutesTests {

    private static final List<String> MOBILE = NumberPrefixes.expand("cmcc", List.of(
            "134-139,147,150-152,157-159,172,178,182-184,187,188,195,197,198"));
    private static final List<String> UNICOM = NumberPrefixes.expand("unicom", List.of(
            "130-132,145,155,156,166,175,176,185,186,196"));
    private static final List<String> TELECOM = NumberPrefixes.expand("telecom", List.of(
            "133,149,153,173,177,180,181,189,190,191,193,199"));

    private static final RouteAccount CMCC = new RouteAccount("cmcc", 0, MOBILE);
    private static final RouteAccount CUCC = new RouteAccount("unicom", 0, UNICOM);
    private static final RouteAccount CTCC = new RouteAccount("telecom", 0, TELECOM);
    private static final RouteAccount BACKUP = new RouteAccount("aggregator", 10, List.of());
    private static final List<RouteAccount> THREE_AND_BACKUP = List.of(CMCC, CUCC, CTCC, BACKUP);

    private static List<String> order(String number, Set<String> bound) {
        return Routes.order(number, THREE_AND_BACKUP, bound::contains, 0);
    }

    @Test
    void eachCarriersNumbersGoToItsAccountFirstAndTheBackupSecond() {
        Set<String> all = Set.of("cmcc", "unicom", "telecom", "aggregator");
        assertThat(order("13912345678", all)).containsExactly("cmcc", "aggregator");
        assertThat(order("18612345678", all)).containsExactly("unicom", "aggregator");
        assertThat(order("19912345678", all)).containsExactly("telecom", "aggregator");
    }

    @Test
    void anUnboundAccountIsLeftOutSoItsNumbersFailOverToTheBackup() {
        assertThat(order("13912345678", Set.of("unicom", "telecom", "aggregator"))).containsExactly("aggregator");
    }

    @Test
    void noBoundAccountThatTakesTheNumberMeansNoRouteEvenWhenOthersAreBound() {
        assertThat(order("13912345678", Set.of("unicom", "telecom"))).isEmpty();
        assertThat(Routes.routable("13912345678", List.of(CUCC, CTCC))).isFalse();
        assertThat(Routes.routable("13912345678", List.of(CUCC, CMCC))).isTrue();
    }

    @Test
    void anAccountWhosePrefixesExcludeTheNumberIsNeverTried() {
        assertThat(Routes.order("13312345678", List.of(CMCC, CUCC), n -> true, 0)).isEmpty();
        assertThat(Routes.candidates("13312345678", THREE_AND_BACKUP)).containsExactly("telecom", "aggregator");
    }

    @Test
    void atEqualPriorityTheLongestPrefixWins() {
        RouteAccount wide = new RouteAccount("wide", 0, List.of("13"));
        RouteAccount narrow = new RouteAccount("narrow", 0, List.of("1391"));
        assertThat(Routes.order("13912345678", List.of(wide, narrow), n -> true, 0)).containsExactly("narrow", "wide");
        assertThat(Routes.order("13812345678", List.of(wide, narrow), n -> true, 0)).containsExactly("wide");
    }

    @Test
    void priorityComesBeforePrefixLength() {
        RouteAccount preferred = new RouteAccount("preferred", 0, List.of());
        RouteAccount specific = new RouteAccount("specific", 5, List.of("139"));
        assertThat(Routes.order("13912345678", List.of(specific, preferred), n -> true, 0))
                .containsExactly("preferred", "specific");
    }

    @Test
    void equalAccountsShareTheTrafficInTurnAheadOfWorseOnes() {
        RouteAccount a = new RouteAccount("a", 0, List.of("139"));
        RouteAccount b = new RouteAccount("b", 0, List.of("139"));
        List<RouteAccount> accounts = List.of(a, b, BACKUP);
        assertThat(Routes.order("13912345678", accounts, n -> true, 0)).containsExactly("a", "b", "aggregator");
        assertThat(Routes.order("13912345678", accounts, n -> true, 1)).containsExactly("b", "a", "aggregator");
        assertThat(Routes.order("13912345678", accounts, n -> true, 2)).containsExactly("a", "b", "aggregator");
    }

    @Test
    void anAccountWithoutPrefixesTakesAnyNumber() {
        assertThat(Routes.order("17012345678", List.of(BACKUP), n -> true, 0)).containsExactly("aggregator");
    }

    @Test
    void prefixRangesExpandToEachPrefix() {
        assertThat(NumberPrefixes.expand("x", List.of("134-136, 147", "150–151")))
                .containsExactly("134", "135", "136", "147", "150", "151");
        assertThat(NumberPrefixes.expand("x", null)).isEmpty();
        assertThat(MOBILE).hasSize(23).contains("198", "178").doesNotContain("130");
    }

    @Test
    void aPrefixThatIsNotDigitsOrAnUnevenRangeIsRefusedWithTheAccountNamed() {
        assertThatThrownBy(() -> NumberPrefixes.expand("cmcc", List.of("13a")))
                .hasMessageContaining("hotline.sms.smsc[cmcc].prefixes: '13a'");
        assertThatThrownBy(() -> NumberPrefixes.expand("cmcc", List.of("139-13")))
                .hasMessageContaining("'139-13'").hasMessageContaining("equally long");
    }
}
