package jp.tabiji.ingest.parse;

import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.privacy.OptOutList;

/**
 * The privacy edge every source shares: drops the events of opted-out devices, then pseudonymizes and
 * normalizes the rest. After this, no raw MAC is left in what flows on.
 */
public final class EdgeProcessor {
    /** What became of one parsed record. */
    public sealed interface Outcome {
    }

    public record Event(WifiEvent event) implements Outcome {
    }

    public record Skip(String reason) implements Outcome {
    }

    public record Reject(String reason) implements Outcome {
    }

    public record OptedOut() implements Outcome {
    }

    private final EventNormalizer normalizer;
    private final OptOutList optOut;

    public EdgeProcessor(EventNormalizer normalizer, OptOutList optOut) {
        this.normalizer = normalizer;
        this.optOut = optOut;
    }

    public Outcome process(ParseResult result) {
        if (result instanceof ParseResult.Parsed p) {
            if (optOut.contains(p.event().mac())) {
                return new OptedOut();
            }
            return new Event(normalizer.normalize(p.event()));
        }
        if (result instanceof ParseResult.Rejected r) {
            return new Reject(r.reason());
        }
        return new Skip(((ParseResult.Skipped) result).reason());
    }
}
