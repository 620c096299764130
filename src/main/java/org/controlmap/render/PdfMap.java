package org.controlmap.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a {@link MapScene} as a one-page vector PDF with PDFBox and
 * rototor's PdfBoxGraphics2D: shapes stay vectors, text stays text (selectable,
 * extractable) in the embedded, subset DejaVu Sans. The page measures the
 * scene's pixels at {@code dpi} (1,600 px at 200 dpi is 8 inches wide).
 *
 * <p>For byte-identical output the document carries no dates and its file ID
 * is a digest of the scene's title and size instead of PDFBox's time-based one.
 * PDFBox is loaded only when a PDF is asked for.
 */
public final class PdfMap {
    private PdfMap() {
    }

    public static void write(MapScene scene, int dpi, OutputStream out) throws IOException {
        MapFonts fonts = MapFonts.get();
        float w = (float) scene.width();
        float h = (float) scene.height();
        float ptPerPx = 72f / dpi;
        try (PDDocument doc = new PDDocument();
                PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer()) {
            register(doc, drawer, fonts, MapFonts.REGULAR_TTF, false);
            register(doc, drawer, fonts, MapFonts.BOLD_TTF, true);
            PDPage page = new PDPage(new PDRectangle(w * ptPerPx, h * ptPerPx));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(drawer);
            ScenePainter.qualityHints(g);
            new ScenePainter(fonts).paint(scene, g);
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.transform(Matrix.getScaleInstance(ptPerPx, ptPerPx));
                cs.drawForm(form);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(scene.title());
            info.setSubject(scene.description());
            info.setCreator("controlmap");
            doc.setDocumentInformation(info);
            byte[] id = digest(scene.title() + "|" + scene.description() + "|" + w + "x" + h + "@" + dpi);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
        }
    }

    private static void register(PDDocument doc, PdfBoxGraphics2DFontTextDrawer drawer, MapFonts fonts,
            String ttf, boolean bold) throws IOException {
        try (InputStream in = MapFonts.open(ttf)) {
            // keyed by the AWT font name, which is how the drawer looks fonts up
            drawer.registerFont(fonts.font(10, bold).getFontName(), PDType0Font.load(doc, in, true));
        }
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
