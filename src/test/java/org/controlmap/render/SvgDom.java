package org.controlmap.render;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A written SVG read back as a DOM, and the lookups map tests make in it. */
final class SvgDom {
    private SvgDom() {
    }

    static Document read(Path svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
    }

    /** The {@code <g>} with this id, or null. */
    static Element group(Document doc, String id) {
        NodeList gs = doc.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        return null;
    }

    /** The text of every {@code tag} element under {@code parent}, in document order. */
    static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nl = parent.getElementsByTagName(tag);
        for (int i = 0; i < nl.getLength(); i++) {
            out.add(nl.item(i).getTextContent());
        }
        return out;
    }
}
