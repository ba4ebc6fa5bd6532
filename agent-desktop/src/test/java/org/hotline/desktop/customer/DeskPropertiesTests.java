package org.hotline.desktop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeskPropertiesTests {

    @Test
    void everyCategoryHasTheBuiltInSubCategoriesUnlessConfigured() {
        DeskProperties p = new DeskProperties(Map.of("fault", List.of("停电", "闪断")), null, null, null, null);

        assertThat(p.subCategories()).containsOnlyKeys("fault", "enquiry", "complaint", "request", "praise");
        assertThat(p.subCategories().get("fault")).containsExactly("停电", "闪断");
        assertThat(p.subCategories().get("praise")).isEqualTo(DeskProperties.DEFAULT_SUB_CATEGORIES.get("praise"));
        assertThat(p.searchLimit()).isEqualTo(20);
    }

    @Test
    void anEmptyListMeansNoSubCategories() {
        assertThat(new DeskProperties(Map.of("praise", List.of()), 5, null, null, null).subCategories().get("praise")).isEmpty();
    }

    @Test
    void anUnknownCategoryOrABadLimitIsASettingsError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeskProperties(Map.of("gossip", List.of("x")), null, null, null, null))
                .withMessageContaining("hotline.desk.sub-categories.gossip");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeskProperties(null, 0, null, null, null))
                .withMessageContaining("search-limit");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeskProperties(null, 20, 10, null, null))
                .withMessageContaining("hotline.desk.card-read-limit: 10");
        assertThat(new DeskProperties(null, null, null, null, null).cardReadLimit()).isEqualTo(300);
        assertThat(new DeskProperties(null, null, null, null, null).cardReadRetention())
                .isEqualTo(java.time.Duration.ofDays(180));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeskProperties(null, null, null,
                java.time.Duration.ofDays(1), java.time.Duration.ofHours(12)))
                .withMessageContaining("hotline.desk.card-read-retention");
    }
}
