package dev.slackaudit.simulator;

/**
 * A 64-bit bit mixer (MurmurHash3's finaliser). It is a bijection, so distinct inputs give distinct outputs:
 * the synthetic data uses it to derive unique ids and an independent random stream per event from the seed.
 */
final class Mix {

    private Mix() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
