package org.hotline.sms.arrears;

/** What an import did: data rows read and the accounts (or meters) whose rows it replaced. */
public record ImportResult(int rows, int replaced) {
}
