package dev.newsflow.jobs.functions.feeds;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The one XML parser of feed parsing: namespace-aware, non-validating, and unable to read anything
 * but the string it is given. A DOCTYPE is an error here ({@link DoctypeGuard} removed the
 * document's own before), external entities and DTDs are off, and an entity resolver that refuses
 * everything backs that up should a feature be ignored.
 */
final class SecureXml {

    static final int MAX_DEPTH = 1000;

    private static final String MAX_ELEMENT_DEPTH =
            "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private SecureXml() {}

    static Document parse(String xml) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // Rome and JDOM walk the tree recursively: bound the depth a document may force on them.
        builder.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
        builder.setEntityResolver(SecureXml::refuse);
        builder.setExpandEntities(false);
        return builder.build(new StringReader(xml));
    }

    private static InputSource refuse(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entity refused: " + systemId);
    }
}
