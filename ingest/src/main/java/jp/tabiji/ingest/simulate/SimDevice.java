package jp.tabiji.ingest.simulate;

/**
 * A simulated phone, as the APs see it: one MAC address. {@code lang} is what its browser would report, normalized;
 * {@code logsIn} says whether its owner ever uses the captive portal (some never do, so their language stays
 * unknown); {@code persona} is who its owner really is, and {@code person} which owner: a phone that rotates its
 * address is a new device each time, of the same person.
 */
public record SimDevice(int index, String mac, boolean randomMac, String lang, String acceptLanguage, boolean logsIn,
                        Persona persona, int person) {
    /** A tourist's phone that keeps its address. */
    public SimDevice(int index, String mac, boolean randomMac, String lang, String acceptLanguage, boolean logsIn) {
        this(index, mac, randomMac, lang, acceptLanguage, logsIn, Persona.TOURIST, index);
    }

    /** The same person's phone under another address. */
    SimDevice withAddress(int newIndex, String newMac) {
        return new SimDevice(newIndex, newMac, true, lang, acceptLanguage, logsIn, persona, person);
    }
}
