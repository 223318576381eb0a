package dev.drydock.trainer.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A rendered report page read by an XML parser: fails on any page that is not well-formed XHTML with SVG. */
public final class XhtmlPage {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    private final Document document;

    private XhtmlPage(Document document) {
        this.document = document;
    }

    /**
     * @param html the page
     * @return it parsed
     * @throws IllegalArgumentException when it is not well-formed
     */
    public static XhtmlPage parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new XhtmlPage(factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    html.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /** @return the ids of the {@code h2} section headings, in order */
    public List<String> sectionIds() {
        List<String> ids = new ArrayList<>();
        NodeList h2 = document.getElementsByTagNameNS(XHTML, "h2");
        for (int i = 0; i < h2.getLength(); i++) {
            ids.add(((Element) h2.item(i)).getAttribute("id"));
        }
        return ids;
    }

    /** @return the number of SVG images, each in the SVG namespace */
    public int svgCount() {
        return document.getElementsByTagNameNS(SVG, "svg").getLength();
    }

    /** @return the text of every SVG {@code title}, in order */
    public List<String> svgTitles() {
        List<String> titles = new ArrayList<>();
        NodeList svgs = document.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            NodeList t = ((Element) svgs.item(i)).getElementsByTagNameNS(SVG, "title");
            titles.add(t.getLength() == 0 ? "" : t.item(0).getTextContent());
        }
        return titles;
    }

    /** @return the cells of the table with this class, row by row, header cells included */
    public List<List<String>> table(String cssClass) {
        NodeList tables = document.getElementsByTagNameNS(XHTML, "table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (!table.getAttribute("class").equals(cssClass)) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            NodeList tr = table.getElementsByTagNameNS(XHTML, "tr");
            for (int r = 0; r < tr.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList children = tr.item(r).getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    cells.add(children.item(c).getTextContent());
                }
                rows.add(cells);
            }
            return rows;
        }
        throw new IllegalArgumentException("no table of class " + cssClass);
    }
}
