package org.hotline.sms.route;

/** Where an account puts its registered signature (报备签名) in the text it sends. */
public enum SignaturePlacement {
    /** 【签名】text (the default). */
    START,
    /** text【签名】. */
    END
}
