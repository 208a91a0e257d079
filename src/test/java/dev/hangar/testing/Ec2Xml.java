package dev.hangar.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** EC2's XML answers (moto's) read and, where the front server must, changed: by element names, namespaces ignored. */
final class Ec2Xml {

    private Ec2Xml() {
    }

    static Document parse(byte[] xml) throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("an EC2 answer that is not XML", e);
        }
    }

    static byte[] write(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The resources an answer describes: each {@code item} of every {@code setName} ({@code instancesSet},
     * {@code natGatewaySet}), and the {@code singleName} element a Create call answers with ({@code natGateway}).
     */
    static List<Element> resources(Document document, String setName, String singleName) {
        List<Element> found = new ArrayList<>();
        NodeList sets = document.getElementsByTagName(setName);
        for (int i = 0; i < sets.getLength(); i++) {
            found.addAll(children((Element) sets.item(i), "item"));
        }
        if (singleName != null) {
            NodeList singles = document.getElementsByTagName(singleName);
            for (int i = 0; i < singles.getLength(); i++) {
                found.add((Element) singles.item(i));
            }
        }
        return found;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the named child, or null when there is none. */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
