package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The production log configuration masks every spelling the dead-letter masker does, in messages and traces. */
class MacMaskingConverterTest {

    @Test
    void theShippedLogLayoutMasksMessagesAndExceptions() throws Exception {
        Layout<?> layout;
        try (InputStream in = getClass().getResourceAsStream("/log4j2.xml")) {
            XmlConfiguration config = new XmlConfiguration(new LoggerContext("mask-test"), new ConfigurationSource(in));
            config.initialize();
            config.start();
            layout = config.getAppenders().get("file").getLayout();
            LogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.ERROR).setLoggerName("t")
                    .setMessage(new SimpleMessage("rejected user:06:fc:e4:4a:e5:05 and 26fc-e44a-e505"))
                    .setThrown(new IllegalStateException("bad mac=06%3Afc%3Ae4%3A4a%3Ae5%3A05 in 0x06fce44ae505"))
                    .build();
            String line = new String(layout.toByteArray(event), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(line).contains("rejected user:xx:xx:xx:xx:xx:xx and xx:xx:xx:xx:xx:xx")
                    .contains("IllegalStateException: bad mac=xx:xx:xx:xx:xx:xx in xx:xx:xx:xx:xx:xx")
                    .doesNotContain("e4:4a").doesNotContain("e44a").doesNotContain("4a%3Ae5").doesNotContain("e44ae5");
            config.stop();
        }
    }
}
