package jp.tabiji.ingest.simulate;

/**
 * A simulated phone. {@code lang} is what its browser would report, normalized; {@code logsIn} says whether its
 * owner ever uses the captive portal (some never do, so their language stays unknown); {@code persona} is who its
 * owner really is.
 */
public record SimDevice(int index, String mac, boolean randomMac, String lang, String acceptLanguage, boolean logsIn,
                        Persona persona) {
    /** A tourist's phone. */
    public SimDevice(int index, String mac, boolean randomMac, String lang, String acceptLanguage, boolean logsIn) {
        this(index, mac, randomMac, lang, acceptLanguage, logsIn, Persona.TOURIST);
    }
}
