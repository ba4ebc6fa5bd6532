package org.hotline.cti.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;

/**
 * Writes the rows of demo customers (addresses, premises, customer, phones, accounts, meters, arrears, contacts, work
 * orders and their clock points) into COPY buffers. Customer {@code i} depends only on the seed, {@code i} and the
 * reference time, so any range of customers can be generated in any order with the same result.
 */
public final class CustomerRows {

    /** Tables written, parents first. */
    public static final List<String> TABLES = List.of("addresses", "premises", "customers", "customer_phones",
            "accounts", "meters", "arrears", "contacts", "work_orders", "work_order_points");

    /** Mobile prefixes drawn for random customers; 137–139 are left to the fixture callers so they never clash. */
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "150", "151", "152",
        "153", "155", "156", "157", "158", "159", "170", "176", "177", "178", "180", "181", "182", "183", "185", "186",
        "187", "188", "189", "191", "198", "199"};

    private static final String[] ORDER_TYPES = {"repair", "repair", "repair", "repair", "repair", "repair",
        "meter_card", "connection", "ownership_transfer", "equipment", "suspend_resume"};

    private static final String[] OPEN_STATUSES = {"new", "dispatched", "accepted", "in_progress"};

    private final long seed;
    private final Instant now;
    private final LocalDate today;
    private final Topology topology;
    private final long[] agentIds;
    private final PhoneNumbers phones = new PhoneNumbers(PhoneProperties.defaults());
    final Ids ids;

    private Batch batch = new Batch();

    /** The rows of a run of customers, one COPY buffer per table. */
    public static final class Batch {
        final CopyRows addresses = new CopyRows("addresses", "id, full_text, district, street, house_no, detail");
        final CopyRows premises = new CopyRows("premises", "id, address_id, transformer_area_id");
        final CopyRows customers = new CopyRows("customers",
                "id, customer_no, name, kind, key_account, high_risk, address_id, created_at");
        final CopyRows customerPhones = new CopyRows("customer_phones",
                "id, customer_id, raw, normalized, kind, is_primary, sms_allowed");
        final CopyRows accounts = new CopyRows("accounts",
                "id, account_no, customer_id, premises_id, billing_cycle, opened_at");
        final CopyRows meters = new CopyRows("meters", "id, meter_no, kind, prepaid_ic_card, premises_id, installed_at");
        final CopyRows arrears = new CopyRows("arrears",
                "id, account_id, billing_period, amount, due_date, days_overdue, imported_at");
        final CopyRows contacts = new CopyRows("contacts", "id, customer_id, account_id, call_id, phone, channel, "
                + "category, sub_category, notes, agent_id, created_at");
        final CopyRows workOrders = new CopyRows("work_orders",
                "id, order_no, customer_id, account_id, type, status, summary, created_at, closed_at");
        final CopyRows points = new CopyRows("work_order_points", "order_id, point, at, unit");

        /** Sends every table's rows, parents first. */
        public void flush(Connection c) throws SQLException {
            for (CopyRows rows : List.of(addresses, premises, customers, customerPhones, accounts, meters, arrears,
                    contacts, workOrders, points)) {
                rows.flush(c);
            }
        }
    }

    private final FixtureCustomers fixtures = new FixtureCustomers();

    /** Generates against the given network and demo agents; ids continue from {@code ids}. */
    public CustomerRows(long seed, Instant now, Topology topology, long[] agentIds, Ids ids) {
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.today = LocalDate.ofInstant(this.now, ZoneOffset.ofHours(8));
        this.topology = topology;
        this.agentIds = agentIds.clone();
        this.ids = ids;
    }

    /** The next id of each table written, continuing after the rows already in the database. */
    public static final class Ids {
        long address;
        long premises;
        long customer;
        long phone;
        long account;
        long meter;
        long arrear;
        long contact;
        long order;

        /** Starts after the given current maxima, in {@link #TABLES} order (without work_order_points). */
        public Ids(long[] maxima) {
            address = maxima[0];
            premises = maxima[1];
            customer = maxima[2];
            phone = maxima[3];
            account = maxima[4];
            meter = maxima[5];
            arrear = maxima[6];
            contact = maxima[7];
            order = maxima[8];
        }
    }

    /** The customer number of demo customer {@code i} (0-based): D and nine digits. */
    public static String customerNo(int i) {
        return "D" + pad(i + 1, 9);
    }

    /** Appends every row of demo customer {@code i}. */
    public void write(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        FixtureCustomers.Fixture fixture = fixtures.get(i);
        boolean commercial = fixture != null ? fixture.commercial() : r.nextInt(100) < 8;
        int special = r.nextInt(1000);
        boolean highRisk = fixture != null ? fixture.highRisk() : commercial && special < 6;
        boolean key = fixture != null ? fixture.keyAccount() : commercial && (highRisk || special < 30);
        String name = fixture != null ? fixture.name() : name(r, commercial, key, highRisk);
        long customerId = ++ids.customer;

        int accountCount = fixture != null ? fixture.accountNos().length
                : commercial ? 1 + (r.nextInt(10) < 3 ? 1 + r.nextInt(2) : 0)
                : r.nextInt(100) < 8 ? (r.nextInt(8) == 0 ? 3 : 2) : 1;
        long firstAccountId = 0;
        long firstAddressId = 0;
        for (int k = 0; k < accountCount; k++) {
            int area = r.nextInt(topology.areas());
            Topology.Street street = topology.street(area);
            String house = topology.houseNo(area, r.nextInt(10)) + "号";
            String detail = commercial ? (r.nextBoolean() ? null : (1 + r.nextInt(3)) + "楼")
                    : (1 + r.nextInt(12)) + "幢" + (1 + r.nextInt(4)) + "单元" + (1 + r.nextInt(18))
                    + pad(1 + r.nextInt(4), 2) + "室";
            long addressId = ++ids.address;
            batch.addresses.add(addressId).add("杭州市" + street.district().name() + street.name() + house
                    + (detail == null ? "" : detail)).add(street.district().name()).add(street.name()).add(house)
                    .add(detail).end();
            long premisesId = ++ids.premises;
            batch.premises.add(premisesId).add(addressId).add(topology.areaId(area)).end();
            String accountNo = fixture != null ? fixture.accountNos()[k] : "33" + pad(i * 4L + k, 8);
            long accountId = ++ids.account;
            Instant opened = now.minus(30 + r.nextInt(3650), ChronoUnit.DAYS);
            batch.accounts.add(accountId).add(accountNo).add(customerId).add(premisesId)
                    .add(r.nextInt(10) == 0 ? "bimonthly" : "monthly").add(opened.toString()).end();
            int kindRoll = r.nextInt(100);
            String meterKind = fixture != null && k == 1 ? "gas" : commercial || kindRoll < 75 || k == 0 && fixture != null
                    ? "electricity" : kindRoll < 95 ? "gas" : "water";
            boolean prepaid = fixture != null ? fixture.prepaid() && k == 0
                    : meterKind.equals("gas") ? r.nextInt(10) < 4 : meterKind.equals("electricity") && r.nextInt(100) < 8;
            batch.meters.add(++ids.meter).add(Character.toUpperCase(meterKind.charAt(0)) + "33"
                    + pad(i * 4L + k, 10)).add(meterKind).add(prepaid).add(premisesId)
                    .add(opened.toString()).end();
            boolean owes = fixture != null ? fixture.arrears() && k == 0 : r.nextInt(100) < 12;
            if (owes) {
                writeArrears(r, accountId, commercial, fixture != null ? 2 : 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(3)));
            }
            if (k == 0) {
                firstAccountId = accountId;
                firstAddressId = addressId;
            }
        }
        batch.customers.add(customerId).add(customerNo(i)).add(name).add(commercial ? "commercial" : "residential")
                .add(key).add(highRisk).add(firstAddressId)
                .add(now.minus(30 + r.nextInt(3650), ChronoUnit.DAYS).toString()).end();
        writePhones(r, i, customerId, commercial, fixture);
        int contactCount = fixture != null ? fixture.contacts()
                : r.nextInt(100) < 30 ? 1 + Math.min(8, (int) (Math.log(1 - r.nextDouble()) / Math.log(0.55))) : 0;
        for (int n = 0; n < contactCount; n++) {
            writeContact(r, i, customerId, firstAccountId, n);
        }
        int orderRoll = r.nextInt(100);
        if (fixture != null ? fixture.openOrder() : orderRoll < 3) {
            writeOrder(r, i, 0, customerId, firstAccountId, true);
        }
        if (fixture == null && orderRoll >= 3 && orderRoll < 8) {
            writeOrder(r, i, 1, customerId, firstAccountId, false);
        }
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits (String.format is slow in this loop). */
    static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Hands over the rows written so far and starts a new batch. */
    public Batch take() {
        Batch taken = batch;
        batch = new Batch();
        return taken;
    }

    private String name(SplittableRandom r, boolean commercial, boolean key, boolean highRisk) {
        if (!commercial) {
            String surname = Vocabulary.SURNAMES[Math.min(r.nextInt(Vocabulary.SURNAMES.length),
                    r.nextInt(Vocabulary.SURNAMES.length))];
            String given = Vocabulary.GIVEN[r.nextInt(Vocabulary.GIVEN.length)];
            return r.nextInt(3) == 0 ? surname + given : surname + given + Vocabulary.GIVEN[r.nextInt(Vocabulary.GIVEN.length)];
        }
        String word = Vocabulary.COMPANY_WORDS[r.nextInt(Vocabulary.COMPANY_WORDS.length)];
        if (highRisk) {
            return "杭州" + word + Vocabulary.HIGH_RISK_KINDS[r.nextInt(Vocabulary.HIGH_RISK_KINDS.length)];
        }
        if (key) {
            return "杭州" + word + Vocabulary.KEY_ACCOUNT_KINDS[r.nextInt(Vocabulary.KEY_ACCOUNT_KINDS.length)];
        }
        return word + Vocabulary.SHOP_KINDS[r.nextInt(Vocabulary.SHOP_KINDS.length)];
    }

    private void writePhones(SplittableRandom r, int i, long customerId, boolean commercial,
                             FixtureCustomers.Fixture fixture) {
        if (fixture != null) {
            boolean primary = true;
            for (String raw : fixture.phones()) {
                phone(customerId, raw, primary, true);
                primary = false;
            }
            return;
        }
        // one household in 23 shares the previous customer's mobile (spouse, landlord): several cards for one number
        boolean shares = i > 0 && i % 23 == 5;
        String mobile = mobile(shares ? i - 1 : i);
        if (commercial) {
            phone(customerId, "0571-" + landline(i), true, false);
            phone(customerId, mobile, false, r.nextInt(100) >= 3);
            return;
        }
        phone(customerId, mobile, true, r.nextInt(100) >= 3);
        if (r.nextInt(4) == 0) {
            phone(customerId, "0571-" + landline(i), false, false);
        }
    }

    private void phone(long customerId, String raw, boolean primary, boolean sms) {
        PhoneNumber n = phones.normalize(raw);
        if (!n.lookupable()) {
            throw new IllegalStateException("demo phone does not normalize: " + raw);
        }
        batch.customerPhones.add(++ids.phone).add(customerId).add(raw).add(n.normalized())
                .add(n.kind().name().toLowerCase(java.util.Locale.ROOT)).add(primary)
                .add(sms && n.kind() == PhoneNumber.Kind.MOBILE).end();
    }

    /** A mobile unique to {@code i}: an affine permutation of the 8 subscriber digits under a prefix. */
    private String mobile(int i) {
        int p = MOBILE_PREFIXES.length;
        long subscriber = Math.floorMod(48_271L * (i / p) + (seed & 0xFFFFFF), 100_000_000L);
        return MOBILE_PREFIXES[i % p] + pad(subscriber, 8);
    }

    private String landline(int i) {
        return "8" + pad(Math.floorMod(7_919L * i + (seed & 0xFFFF), 10_000_000L), 7);
    }

    private void writeArrears(SplittableRandom r, long accountId, boolean commercial, int periods) {
        for (int p = 0; p < periods; p++) {
            LocalDate month = today.withDayOfMonth(1).minusMonths(1 + p);
            LocalDate due = month.plusMonths(1).withDayOfMonth(20);
            long days = Math.max(0, ChronoUnit.DAYS.between(due, today));
            BigDecimal amount = BigDecimal.valueOf(commercial ? 50_000 + r.nextInt(3_000_000) : 3_000 + r.nextInt(60_000))
                    .movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
            batch.arrears.add(++ids.arrear).add(accountId).add(month.toString().substring(0, 7)).add(amount.toPlainString())
                    .add(due.toString()).add(days).add(now.toString()).end();
        }
    }

    private void writeContact(SplittableRandom r, int i, long customerId, long accountId, int n) {
        int roll = r.nextInt(100);
        String[][] pool = roll < 40 ? Vocabulary.FAULT : roll < 75 ? Vocabulary.ENQUIRY : roll < 85
                ? Vocabulary.COMPLAINT : roll < 97 ? Vocabulary.REQUEST : Vocabulary.PRAISE;
        String category = roll < 40 ? "fault" : roll < 75 ? "enquiry" : roll < 85 ? "complaint" : roll < 97
                ? "request" : "praise";
        String[] item = pool[r.nextInt(pool.length)];
        int ch = r.nextInt(100);
        String channel = ch < 70 ? "phone" : ch < 80 ? "sms" : ch < 90 ? "ivr" : "web";
        // spaced one day apart at least, newest first by n, so "the last five" has one clear order
        Instant at = now.minus(n * 30L + 1 + r.nextInt(29), ChronoUnit.DAYS).minusSeconds(r.nextInt(86_400));
        String callId = channel.equals("phone") || channel.equals("ivr") ? at.getEpochSecond() + "." + (i % 10_000) : null;
        long agent = channel.equals("phone") && agentIds.length > 0 ? agentIds[r.nextInt(agentIds.length)] : 0;
        batch.contacts.add(++ids.contact).add(customerId).addId(accountId).add(callId).add((String) null).add(channel)
                .add(category).add(item[0]).add(item[1]).addId(agent).add(at.toString()).end();
    }

    private void writeOrder(SplittableRandom r, int i, int k, long customerId, long accountId, boolean open) {
        String type = ORDER_TYPES[r.nextInt(ORDER_TYPES.length)];
        Instant created = open ? now.minusSeconds(600 + r.nextInt(3 * 86_400))
                : now.minus(3 + r.nextInt(360), ChronoUnit.DAYS);
        String status = open ? OPEN_STATUSES[r.nextInt(OPEN_STATUSES.length)] : r.nextInt(10) == 0 ? "cancelled" : "closed";
        Instant closed = open ? null : created.plusSeconds(3_600 + r.nextInt(5 * 86_400));
        long orderId = ++ids.order;
        batch.workOrders.add(orderId).add("GD" + pad(i * 4L + k, 10)).add(customerId).addId(accountId).add(type)
                .add(status).add(type.equals("repair") ? "客户报修，需上门处理" : null).add(created.toString())
                .add(closed == null ? null : closed.toString()).end();
        if (type.equals("repair")) {
            int reached = switch (status) {
                case "new" -> 1;
                case "dispatched" -> 3;
                case "accepted" -> 6;
                default -> 8;
            };
            Instant at = created;
            for (int p = 0; p < reached; p++) {
                at = p == 0 ? at : at.plusSeconds(30 + r.nextInt(p == 7 ? 1_800 : 200));
                String unit = p < 2 ? "热线中心" : p < 4 ? "区抢修中心" : "抢修一班";
                batch.points.add(orderId).add(String.valueOf((char) ('A' + p))).add(at.toString()).add(unit).end();
            }
        }
    }
}
