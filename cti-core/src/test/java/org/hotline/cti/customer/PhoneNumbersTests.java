package org.hotline.cti.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.hotline.cti.customer.PhoneNumber.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTests {

    private final PhoneNumbers defaults = new PhoneNumbers(PhoneProperties.defaults());
    private final PhoneNumbers withOutsideLine = new PhoneNumbers(new PhoneProperties("027", "9"));

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", textBlock = """
            # raw                   | normalized     | kind
            13800138000             | 13800138000    | MOBILE
            +8613912345678          | 13912345678    | MOBILE
            008613912345678         | 13912345678    | MOBILE
            8613912345678           | 13912345678    | MOBILE
            013800138000            | 13800138000    | MOBILE
            +86 138 0013 8000       | 13800138000    | MOBILE
            138-0013-8000           | 13800138000    | MOBILE
            ' 13700001111 '         | 13700001111    | MOBILE
            19912345678             | 19912345678    | MOBILE
            16612345678             | 16612345678    | MOBILE
            ＋８６１３８００１３８０００ | 13800138000    | MOBILE
            +86013800138000         | 13800138000    | MOBILE
            02788886666             | 02788886666    | LANDLINE
            027-8888-6666           | 02788886666    | LANDLINE
            (027) 87654321          | 02787654321    | LANDLINE
            01088886666             | 01088886666    | LANDLINE
            0108888666              | 0108888666     | LANDLINE
            02087654321             | 02087654321    | LANDLINE
            02012345678             |                | INVALID
            057188886666            | 057188886666   | LANDLINE
            0571-8888-6666          | 057188886666   | LANDLINE
            07558888666             | 07558888666    | LANDLINE
            075588886666            | 075588886666   | LANDLINE
            +862788886666           | 02788886666    | LANDLINE
            +8657188886666          | 057188886666   | LANDLINE
            +86 10 8888 6666        | 01088886666    | LANDLINE
            00862788886666          | 02788886666    | LANDLINE
            862788886666            | 02788886666    | LANDLINE
            57188886666             | 057188886666   | LANDLINE
            88886666                | 057188886666   | LANDLINE
            8888666                 | 05718888666    | LANDLINE
            28765432                | 057128765432   | LANDLINE
            95598                   | 95598          | SERVICE
            12345                   | 12345          | SERVICE
            10086                   | 10086          | SERVICE
            110                     | 110            | SERVICE
            4008123123              | 4008123123     | SERVICE
            400-812-3123            | 4008123123     | SERVICE
            8008101234              | 8008101234     | SERVICE
            955888                  | 955888         | SERVICE
            96345                   | 96345          | SERVICE
            +8695598                | 95598          | SERVICE
            NULL                    |                | WITHHELD
            ''                      |                | WITHHELD
            '   '                   |                | WITHHELD
            <unknown>               |                | WITHHELD
            unknown                 |                | WITHHELD
            anonymous               |                | WITHHELD
            Anonymous               |                | WITHHELD
            withheld                |                | WITHHELD
            PRIVATE                 |                | WITHHELD
            restricted              |                | WITHHELD
            s                       |                | INVALID
            gas                     |                | INVALID
            2                       |                | INVALID
            1001                    |                | INVALID
            abc                     |                | INVALID
            1380013800x             |                | INVALID
            <script>alert(1)</script> |              | INVALID
            1380013800              |                | INVALID
            138001380001            |                | INVALID
            12800138000             |                | INVALID
            0011234567              |                | INVALID
            01188886666             |                | INVALID
            02701234567             |                | INVALID
            +14155552671            |                | INVALID
            +4420123456             |                | INVALID
            0014155552671           |                | INVALID
            1234567                 |                | INVALID
            12345678                |                | INVALID
            +                       |                | INVALID
            12345678901234567890123 |                | INVALID
            """)
    void normalizesWithDefaults(String raw, String normalized, Kind kind) {
        PhoneNumber n = defaults.normalize(raw);

        assertThat(n.kind()).isEqualTo(kind);
        assertThat(n.normalized()).isEqualTo(normalized == null ? "" : normalized);
        assertThat(n.raw()).isEqualTo(raw == null ? "" : raw);
        assertThat(n.lookupable()).isEqualTo(kind != Kind.WITHHELD && kind != Kind.INVALID);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # raw with outside-line prefix 9 and local area code 027
            913800138000            | 13800138000    | MOBILE
            9013800138000           | 13800138000    | MOBILE
            988886666               | 02788886666    | LANDLINE
            9057188886666           | 057188886666   | LANDLINE
            995598                  | 95598          | SERVICE
            95598                   | 95598          | SERVICE
            96345                   | 96345          | SERVICE
            88886666                | 02788886666    | LANDLINE
            98765432                | 02798765432    | LANDLINE
            13800138000             | 13800138000    | MOBILE
            90086139123456789       |                | INVALID
            9                       |                | INVALID
            """)
    void stripsOutsideLinePrefixOnlyWhenTheNumberNeedsIt(String raw, String normalized, Kind kind) {
        PhoneNumber n = withOutsideLine.normalize(raw);

        assertThat(n.kind()).isEqualTo(kind);
        assertThat(n.normalized()).isEqualTo(normalized == null ? "" : normalized);
    }

    @Test
    void localNumbersTakeTheConfiguredAreaCode() {
        PhoneNumbers beijing = new PhoneNumbers(new PhoneProperties("010", ""));

        assertThat(beijing.normalize("88886666").normalized()).isEqualTo("01088886666");
    }

    @ParameterizedTest
    @CsvSource({"571", "0", "00571", "abcd", "05711", "011"})
    void rejectsMalformedAreaCode(String areaCode) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneProperties(areaCode, ""))
                .withMessageStartingWith("localAreaCode: '" + areaCode + "' (expected:");
    }

    @Test
    void rejectsNonDigitOutsideLinePrefix() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneProperties("0571", "x"))
                .withMessage("outsideLinePrefix: 'x' (expected: empty or up to 3 digits, e.g. 9)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            138 0013 8000 | true
            +8613912345678 | true
            95598 | true
            张三 | false
            20 | false
            2024001 | true
            """)
    void recognisesTypedNumbers(String text, boolean expected) {
        assertThat(PhoneNumbers.looksLikeNumber(text)).isEqualTo(expected);
    }
}
