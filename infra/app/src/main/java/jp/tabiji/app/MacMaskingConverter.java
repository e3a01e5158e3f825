package jp.tabiji.app;

import java.util.List;
import jp.tabiji.ingest.privacy.MacMasker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;

/**
 * {@code %masked{pattern}}: the pattern's output (message, exception and all) with every MAC-like token masked by
 * {@link MacMasker}, the one masker of DLQ lines, errors and CLI output, so the log cannot miss a spelling they catch.
 */
@Plugin(name = "MacMaskingConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"masked"})
public final class MacMaskingConverter extends LogEventPatternConverter {
    private final List<PatternFormatter> formatters;

    private MacMaskingConverter(List<PatternFormatter> formatters) {
        super("masked", "masked");
        this.formatters = formatters;
    }

    public static MacMaskingConverter newInstance(Configuration config, String[] options) {
        if (options == null || options.length != 1) {
            throw new IllegalArgumentException("%masked takes one pattern: %masked{%m%ex}");
        }
        return new MacMaskingConverter(PatternLayout.createPatternParser(config).parse(options[0]));
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        StringBuilder text = new StringBuilder();
        for (PatternFormatter f : formatters) {
            f.format(event, text);
        }
        toAppendTo.append(MacMasker.mask(text.toString()));
    }

    @Override
    public boolean handlesThrowable() {
        return formatters.stream().anyMatch(PatternFormatter::handlesThrowable);
    }
}
