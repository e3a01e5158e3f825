package jp.tabiji.web.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A report as PDF: title, period, key figures, charts (drawn with JFreeChart, since ECharts runs only in a browser)
 * and the tables, in Japanese or English. The text font is IPAex Gothic, a TrueType font with kanji that PDFBox can
 * embed (it cannot embed the CFF Noto CJK fonts); its subset travels in the file, so any reader shows the text.
 */
public final class PdfReport {
    /** Where Debian's fonts-ipaexfont-gothic puts the font (the ./tabiji script installs the package). */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
    private static final float MARGIN = 50;
    private static final float LINE = 15;

    private final Path fontFile;

    public PdfReport(Path fontFile) {
        this.fontFile = fontFile;
    }

    public void write(Report r, OutputStream out) throws IOException {
        if (!Files.isReadable(fontFile)) {
            throw new IOException("the report font " + fontFile + " is missing: install Debian's "
                    + "fonts-ipaexfont-gothic (./tabiji does this)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            ReportLanguage l = r.lang();
            info.setTitle(l.word("title") + " " + r.from() + " – " + r.to());
            info.setCreator("Tabiji");
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            java.awt.Font awtFont;
            try {
                awtFont = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, fontFile.toFile());
            } catch (java.awt.FontFormatException e) {
                throw new IOException("cannot read " + fontFile, e);
            }
            Pages pages = new Pages(doc, font);
            pages.text(l.word("title"), 18);
            pages.text(l.word("period") + ": " + r.from() + " – " + r.to(), 11);
            pages.gap();
            pages.text(l.word("kpis"), 14);
            for (Map.Entry<String, Object> e : r.kpis().entrySet()) {
                if (!List.of("from", "to", "k").contains(e.getKey())) {
                    pages.text("  " + l.word(e.getKey()) + ": " + kpi(e.getKey(), e.getValue(), l), 11);
                }
            }
            if (r.kpis().isEmpty()) {
                pages.text(l.word("kpisLattice"), 11);
            }
            pages.text(r.note(), 9);
            pages.gap();
            for (Report.Section s : r.sections()) {
                if (s.key().equals("daily") || s.key().equals("languages")) {
                    pages.image(LosslessFactory.createFromImage(doc, chart(s, r, awtFont)), 495, 220);
                }
                pages.text(s.title(), 14);
                table(pages, s.table(), r);
                pages.gap();
            }
            pages.close();
            doc.save(out);
        }
    }

    private static String kpi(String key, Object v, ReportLanguage l) {
        if (v == null) {
            return l.word("suppressed");
        }
        if (key.endsWith("share") || key.endsWith("rate")) {
            return String.format(l.locale(), "%.1f%%", ((Number) v).doubleValue() * 100);
        }
        return String.format(l.locale(), "%,d", ((Number) v).longValue());
    }

    private static void table(Pages pages, ResultTable t, Report r) throws IOException {
        List<String> head = new ArrayList<>();
        t.columns().forEach(c -> head.add(r.lang().word(c)));
        pages.row(head, true);
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                cells.add(t.columns().get(c).endsWith("site_id") && v instanceof String id ? r.siteName(id)
                        : Cells.text(v, t.k()));
            }
            pages.row(cells, false);
        }
    }

    private static BufferedImage chart(Report.Section s, Report r, java.awt.Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ResultTable t = s.table();
        int key = t.columnIndex(s.key().equals("daily") ? "day" : "lang");
        int value = t.columnIndex("visitors");
        for (List<Object> row : t.rows()) {
            if (row.get(value) instanceof Number n) {
                data.addValue(n, r.lang().word("visitors"), (String) row.get(key));
            }
        }
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(font.deriveFont(16f));
        theme.setLargeFont(font.deriveFont(13f));
        theme.setRegularFont(font.deriveFont(11f));
        theme.setSmallFont(font.deriveFont(9f));
        org.jfree.chart.ChartFactory.setChartTheme(theme);
        JFreeChart chart = s.key().equals("daily")
                ? ChartFactory.createLineChart(s.title(), null, r.lang().word("visitors"), data,
                        PlotOrientation.VERTICAL, false, false, false)
                : ChartFactory.createBarChart(s.title(), null, r.lang().word("visitors"), data,
                        PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(990, 440);
    }

    /** Writes lines and images down A4 pages, starting a new page when one is full. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        /** A paragraph, wrapped at the margins (Japanese has no spaces: it breaks between any two characters). */
        void text(String s, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            int start = 0;
            while (start < s.length()) {
                int end = start + 1;
                while (end < s.length() && font.getStringWidth(s.substring(start, end + 1)) / 1000 * size <= width) {
                    end++;
                }
                room(size + 6);
                y -= size + 6;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(s.substring(start, end));
                content.endText();
                start = end;
            }
        }

        void row(List<String> cells, boolean header) throws IOException {
            room(LINE);
            y -= LINE;
            float width = (PDRectangle.A4.getWidth() - 2 * MARGIN) / Math.max(1, cells.size());
            for (int i = 0; i < cells.size(); i++) {
                content.beginText();
                content.setFont(font, header ? 9.5f : 9);
                content.newLineAtOffset(MARGIN + i * width, y);
                String c = cells.get(i);
                content.showText(c.length() > 28 ? c.substring(0, 27) + "…" : c);
                content.endText();
            }
        }

        void image(PDImageXObject image, float w, float h) throws IOException {
            room(h + 10);
            y -= h + 10;
            content.drawImage(image, MARGIN, y, w, h);
        }

        void gap() {
            y -= LINE / 2;
        }

        void close() throws IOException {
            content.close();
        }
    }
}
