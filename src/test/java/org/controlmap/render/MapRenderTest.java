package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.controlmap.control.RegionControl;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MapRenderTest {
    private static MapScene scene;
    private static String svg;

    @BeforeAll
    static void render() {
        System.setProperty("java.awt.headless", "true");
        scene = MapFixture.shared(MapMode.SCHEMATIC, "en", 1600);
        svg = SvgMap.toSvg(scene);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> paths(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nl = doc.getElementsByTagName("path");
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void everyRegionIsOneSvgElementWithIsoAndTitle() throws Exception {
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 1600 ");
        List<Element> regions = paths(doc, "region");
        Set<String> isos = new TreeSet<>();
        for (Element e : regions) {
            isos.add(e.getAttribute("data-iso"));
            NodeList titles = e.getElementsByTagName("title");
            assertThat(titles.getLength()).as("title of " + e.getAttribute("data-iso")).isEqualTo(1);
            assertThat(titles.item(0).getTextContent()).contains("km²").contains("%");
        }
        assertThat(regions).hasSize(MapFixture.CATALOGUE.regions().size());
        assertThat(isos).containsExactlyInAnyOrderElementsOf(
                MapFixture.CATALOGUE.regions().stream().map(Region::iso).toList());
        Element zap = regions.stream().filter(e -> e.getAttribute("data-iso").equals("UA-23")).findFirst().get();
        assertThat(zap.getElementsByTagName("title").item(0).getTextContent())
                .startsWith("Zaporizhzhia: 70% held by Russia");
    }

    @Test
    void controlledPiecesExactlyForRegionsWithControl() throws Exception {
        Document doc = parse(svg);
        Set<String> drawn = new TreeSet<>();
        for (Element e : paths(doc, "controlled")) {
            assertThat(((Element) e.getParentNode()).getAttribute("class")).isEqualTo("controlled");
            assertThat(e.getAttribute("d")).isNotEmpty();
            drawn.add(e.getAttribute("data-iso") + "/" + e.getAttribute("data-controller"));
        }
        Set<String> expected = new TreeSet<>();
        for (RegionControl rc : MapFixture.ALLOCATION.rows()) {
            if (rc.controlledPct() > 0) {
                expected.add(rc.region().iso() + "/" + rc.controller().name());
            }
        }
        assertThat(expected).contains("UA-43/RU", "UA-48/RU", "RU-KRS/UA").doesNotContain("UA-46/RU");
        assertThat(drawn).isEqualTo(expected);
    }

    @Test
    void textIsTextAndCoordinatesAreRoundedToATenthOfAPixel() {
        assertThat(svg).contains(">Sevastopol</text>").contains(">Territory held by Russia, November 2024</text>")
                .contains("Schematic: area to scale, line not a real front");
        assertThat(svg).doesNotContainPattern("[ML]-?\\d+\\.\\d\\d");
    }

    @Test
    void sameInputSameBytes() throws IOException {
        MapScene again = MapFixture.scene(MapMode.SCHEMATIC, "en", 1600);
        assertThat(SvgMap.toSvg(again)).isEqualTo(svg);
        assertThat(bytes(MapFormat.PNG, again)).isEqualTo(bytes(MapFormat.PNG, scene));
        assertThat(bytes(MapFormat.PDF, again)).isEqualTo(bytes(MapFormat.PDF, scene));
    }

    private static byte[] bytes(MapFormat f, MapScene s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(s, 200, out);
        return out.toByteArray();
    }

    /** Share of a region's pixels with the Russian-held colour, sampled at lon/lat grid points projected to pixels. */
    private static double heldShare(BufferedImage img, String iso) {
        Region r = MapFixture.CATALOGUE.byIso(iso).orElseThrow();
        MapProjection proj = new MapProjection();
        GeometryFactory gf = new GeometryFactory();
        Envelope env = r.geometry().getEnvelopeInternal();
        int inside = 0;
        int red = 0;
        for (int i = 1; i < 40; i++) {
            for (int j = 1; j < 40; j++) {
                double lon = env.getMinX() + env.getWidth() * i / 40;
                double lat = env.getMinY() + env.getHeight() * j / 40;
                // stay 3 km inside so antialiased borders do not count
                if (!r.geometry().contains(gf.createPoint(new Coordinate(lon, lat)))
                        || r.geometry().getBoundary().distance(gf.createPoint(new Coordinate(lon, lat))) < 0.04) {
                    continue;
                }
                double[] px = scene.georef().pixel(proj, lon, lat);
                int rgb = img.getRGB((int) px[0], (int) px[1]) & 0xFFFFFF;
                inside++;
                if (rgb == Palette.HELD_BY_RU) {
                    red++;
                }
            }
        }
        assertThat(inside).as("sample points in " + iso).isGreaterThan(20);
        return (double) red / inside;
    }

    @Test
    void pngPixelsShowControlWhereItIs() {
        BufferedImage img = PngMap.render(scene);
        assertThat(img.getWidth()).isEqualTo(1600);
        // Sevastopol is held whole: its interior is red except under its label and leader dot.
        assertThat(heldShare(img, "UA-40")).isGreaterThan(0.6);
        assertThat(heldShare(img, "UA-43")).isGreaterThan(0.8); // Crimea
        assertThat(heldShare(img, "UA-46")).isZero(); // Lviv
        assertThat(heldShare(img, "UA-23")).isBetween(0.5, 0.85); // Zaporizhzhia, 70%
        double[] lviv = scene.georef().pixel(new MapProjection(), 24.03, 49.84);
        assertThat(img.getRGB((int) lviv[0], (int) lviv[1]) & 0xFFFFFF).isNotEqualTo(Palette.HELD_BY_RU);
    }

    @Test
    void pngCarriesTheDpiAndIsAntialiased() throws IOException {
        byte[] png = bytes(MapFormat.PNG, scene);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            assertThat(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis"))).isEqualTo(7874); // 200 dpi
            BufferedImage img = reader.read(0);
            // Antialiasing leaves intermediate shades along edges: far more colours than the palette has.
            Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours.size()).isGreaterThan(200);
        }
    }

    @Test
    void pdfTextIsExtractableAndFontsEmbedded() throws IOException {
        byte[] pdf = bytes(MapFormat.PDF, scene);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Territory held by Russia, November 2024", "Sevastopol", "Zaporizhzhia",
                    "Held by Russia", "Natural Earth");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(1600 * 72f / 200, within(0.01f));
            List<String> embedded = new ArrayList<>();
            PDResources res = doc.getPage(0).getResources();
            for (COSName n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof PDFormXObject form) {
                    for (COSName f : form.getResources().getFontNames()) {
                        PDFont font = form.getResources().getFont(f);
                        if (font.isEmbedded()) {
                            embedded.add(font.getName());
                        }
                    }
                }
            }
            assertThat(embedded).anyMatch(n -> n.endsWith("+DejaVuSans")).anyMatch(n -> n.endsWith("+DejaVuSans-Bold"));
        }
    }

    @Test
    void ukrainianLabelsAndLegend() throws IOException {
        MapScene uk = MapFixture.shared(MapMode.SCHEMATIC, "uk", 1200);
        String s = SvgMap.toSvg(uk);
        assertThat(s).contains(">Запорізька</text>").contains("Під контролем Росії")
                .contains("Територія під контролем Росії, листопад 2024");
        assertThat(s).doesNotContain(">Zaporizhzhia</text>");
        try (PDDocument doc = Loader.loadPDF(bytes(MapFormat.PDF, uk))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Запорізька");
        }
    }

    @Test
    void choroplethShadesRegionsByClassAndDrawsNoPieces() throws Exception {
        MapScene ch = MapFixture.shared(MapMode.CHOROPLETH, "en", 1600);
        Document doc = parse(SvgMap.toSvg(ch));
        assertThat(paths(doc, "controlled")).isEmpty();
        for (Element e : paths(doc, "region")) {
            String fill = e.getAttribute("fill");
            switch (e.getAttribute("data-iso")) {
                case "UA-43", "UA-14", "UA-09" -> assertThat(fill).isEqualTo(SvgMap.hex(Palette.REDS[4]));
                case "UA-23", "UA-65" -> assertThat(fill).isEqualTo(SvgMap.hex(Palette.REDS[3]));
                case "UA-63", "UA-48" -> assertThat(fill).isEqualTo(SvgMap.hex(Palette.REDS[0]));
                case "UA-46", "UA-30" -> assertThat(fill).isEqualTo(SvgMap.hex(Palette.UKRAINE));
                default -> { }
            }
        }
        assertThat(Palette.choroplethClass(0)).isZero();
        assertThat(Palette.choroplethClass(4.99)).isEqualTo(1);
        assertThat(Palette.choroplethClass(5)).isEqualTo(2);
        assertThat(Palette.choroplethClass(75)).isEqualTo(5);
    }

    @Test
    void scaleBarIsTrueAtItsStatedLatitude() {
        Group legend = SceneItems.groups(scene.items(), "legend").get(0);
        // Independent check: a true east-west distance of the bar's km at its latitude, measured on the canvas.
        double[] trueAndStated = SceneItems.scaleBar(scene, legend, 31);
        assertThat(trueAndStated[1]).isCloseTo(trueAndStated[0], within(0.2));
        assertThat(Double.parseDouble(legend.attributes().get("data-scale-lat"))).isBetween(47.0, 51.0);
    }

    @Test
    void labelsShowFiguresOnlyAsFarAsTheSourceGivesThem() {
        // Bundled Reuters scenario: "more than 70%" (a lower bound), "less than 3%" (an upper
        // bound, 942 km² rounded up), "80% of the Donbas" (one figure for two regions),
        // "a sliver" (no figure), "about 650 km²".
        assertThat(figureLine("UA-23")).startsWith(">70%");
        assertThat(figureLine("UA-65")).startsWith(">70%");
        assertThat(figureLine("UA-63")).isIn("<3%", "<3% · <950 km²");
        assertThat(figureLine("UA-14")).startsWith("80%*");
        assertThat(figureLine("UA-09")).startsWith("80%*");
        assertThat(figureLine("UA-48")).isEqualTo("a sliver");
        assertThat(figureLine("RU-KRS")).isIn("UA ≈2.2%", "UA ≈2.2% · ≈650 km²");
        assertThat(figureLine("UA-43")).startsWith("100%");
        List<String> footnotes = new ArrayList<>();
        for (Group legend : SceneItems.groups(scene.items(), "legend")) {
            for (Item it : legend.items()) {
                if (it instanceof Text t && "legend-footnote".equals(t.cssClass())) {
                    footnotes.add(t.text());
                }
            }
        }
        assertThat(footnotes).containsExactly("* 80%: Luhansk and Donetsk together",
                "\u201Ca sliver\u201D: no figure given, drawn as 0.5%",
                "> / <: more / less than the source's figure; drawn at that figure");
    }

    /** The second line of a region's label (its figure). */
    private String figureLine(String iso) {
        Group label = SceneItems.groups(scene.items(), "label").stream()
                .filter(g -> iso.equals(g.attributes().get("data-iso"))).findFirst().orElseThrow();
        List<Text> texts = SceneItems.texts(label);
        return texts.get(texts.size() - 1).text();
    }

    @Test
    void longNamesBreakAtAHyphenASpaceOrBeforeAUkrainianAdjectivalEnding() {
        assertThat(RegionLabels.splitName("Ivano-Frankivsk")).isEqualTo("Ivano-\nFrankivsk");
        assertThat(RegionLabels.splitName("Kyiv City")).isEqualTo("Kyiv\nCity");
        assertThat(RegionLabels.splitName("Тернопільська")).isEqualTo("Тернопіль-\nська");
        assertThat(RegionLabels.splitName("Донецька")).isEqualTo("Доне-\nцька");
        assertThat(RegionLabels.splitName("Запорізька")).isEqualTo("Запорі-\nзька");
        assertThat(RegionLabels.splitName("Khmelnytskyi")).isEqualTo("Khmelnytskyi");
        assertThat(RegionLabels.splitName("Сумська")).isEqualTo("Сум-\nська");
    }

    @Test
    void inUkrainianTernopilAndChernivtsiAreLabelledInsideTheirRegions() {
        MapScene uk = MapFixture.shared(MapMode.SCHEMATIC, "uk", 1600);
        for (String iso : List.of("UA-61", "UA-77")) {
            Group label = SceneItems.groups(uk.items(), "label").stream()
                    .filter(g -> iso.equals(g.attributes().get("data-iso"))).findFirst().orElseThrow();
            assertThat(SceneItems.figures(label.items(), "leader")).as(iso).isEmpty();
        }
    }

    @Test
    void labelsDoNotOverlapEachOther() {
        MapFonts fonts = MapFonts.get();
        List<Envelope> boxes = new ArrayList<>();
        for (Group label : SceneItems.groups(scene.items(), "label")) {
            Envelope box = new Envelope();
            for (Item it : label.items()) {
                if (it instanceof Text t) {
                    double w = fonts.width(t.text(), t.size(), t.bold());
                    box.expandToInclude(new Envelope(t.x() - w / 2, t.x() + w / 2, t.y() - t.size() * 0.8,
                            t.y() + t.size() * 0.2));
                }
            }
            boxes.add(box);
        }
        assertThat(boxes.size()).isGreaterThanOrEqualTo(28);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("labels " + i + " and " + j).isFalse();
            }
        }
    }

    @Test
    void simplifiedRegionsNeitherGapNorOverlap() {
        List<Geometry> regions = new ArrayList<>();
        for (Item it : SceneItems.groups(scene.items(), "regions").get(0).items()) {
            regions.add(((Figure) it).geometry());
        }
        double sum = regions.stream().mapToDouble(Geometry::getArea).sum();
        Geometry union = new GeometryFactory().buildGeometry(regions).buffer(0);
        // Overlaps would make the sum exceed the union; gaps show as holes inside the union.
        assertThat(sum).isCloseTo(union.getArea(), within(union.getArea() * 1e-4));
        long interiorHoles = 0;
        for (int i = 0; i < union.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) union.getGeometryN(i);
            for (int k = 0; k < p.getNumInteriorRing(); k++) {
                if (p.getInteriorRingN(k).getEnvelopeInternal().getArea() > 1) {
                    interiorHoles++;
                }
            }
        }
        assertThat(interiorHoles).isZero();
    }

}
