package jp.tabiji.ingest.parse;

import java.util.Optional;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.privacy.LanguageNormalizer;
import jp.tabiji.ingest.privacy.MacAddress;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.ApRegistry;

/**
 * Turns a parsed {@link ClientEvent} into the contract's {@link WifiEvent}: resolves the AP against the registry,
 * replaces the MAC by its pseudonym and normalizes the language. Where the raw MAC stops.
 */
public final class EventNormalizer {
    private final ApRegistry registry;
    private final Pseudonymizer pseudonymizer;

    public EventNormalizer(ApRegistry registry, Pseudonymizer pseudonymizer) {
        this.registry = registry;
        this.pseudonymizer = pseudonymizer;
    }

    public WifiEvent normalize(ClientEvent ce) {
        Optional<AccessPoint> ap = registry.resolve(ce.apRef());
        if (ap.isEmpty() && ce.apAlt() != null) {
            ap = registry.resolve(ce.apAlt());
        }
        WifiEvent e = new WifiEvent();
        e.ts = ce.ts();
        e.apId = ap.map(AccessPoint::apId).orElseGet(() -> apRefForUnknown(ce.apRef()));
        e.siteId = ap.map(AccessPoint::siteId).orElse(null);
        e.deviceId = pseudonymizer.deviceId(ce.mac(), ce.ts());
        e.randomMac = ce.mac().isLocallyAdministered();
        e.type = ce.type();
        e.lang = LanguageNormalizer.normalize(ce.langRaw());
        e.ssid = ce.ssid();
        e.bytesIn = ce.bytesIn();
        e.bytesOut = ce.bytesOut();
        e.sessionSeconds = ce.sessionSeconds();
        e.source = ce.source();
        return e;
    }

    /** Unknown APs keep their name; an AP MAC is infrastructure and may be stored, in canonical form. */
    private static String apRefForUnknown(String ref) {
        String mac = MacAddress.canonicalOrNull(ref);
        return mac != null ? mac : ref;
    }
}
