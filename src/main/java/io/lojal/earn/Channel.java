package io.lojal.earn;

/** Where an order was placed. */
public enum Channel {
    WEB, APP, STORE, PARTNER
}
