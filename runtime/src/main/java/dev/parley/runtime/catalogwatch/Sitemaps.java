package dev.parley.runtime.catalogwatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a sitemap (sitemaps.org): a {@code <sitemapindex>} lists sub-sitemaps, a {@code <urlset>} lists pages, each
 * with an optional {@code <lastmod>}. Gzipped sitemaps are read too. External entities and DTDs are refused.
 */
public final class Sitemaps {

    private Sitemaps() {
    }

    /** A {@code <loc>} with its {@code <lastmod>} (null when absent). */
    public record Entry(String loc, String lastmod) {
    }

    /** What one sitemap document lists: sub-sitemaps (an index) or pages (a urlset). */
    public record Document(boolean index, List<Entry> entries) {
    }

    /** Thrown for a document that is not a sitemap. */
    public static final class NotASitemap extends Exception {
        public NotASitemap(String reason) {
            super(reason);
        }
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public static Document parse(byte[] body) throws NotASitemap {
        try (InputStream in = gunzipped(body)) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            Boolean index = null;
            List<Entry> entries = new ArrayList<>();
            String loc = null;
            String lastmod = null;
            String element = null;
            int depth = 0;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    if (index == null) {
                        if (!name.equals("sitemapindex") && !name.equals("urlset")) {
                            throw new NotASitemap("the document is a <" + name + ">, not a <urlset> or <sitemapindex>");
                        }
                        index = name.equals("sitemapindex");
                    } else if (name.equals("sitemap") || name.equals("url")) {
                        loc = null;
                        lastmod = null;
                    }
                    // <loc> and <lastmod> of an entry, not of an extension inside it (<image:image><image:loc>)
                    element = depth == 3 ? name : null;
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    depth--;
                    if (name.equals("loc") && "loc".equals(element)) {
                        loc = text.toString().strip();
                    } else if (name.equals("lastmod") && "lastmod".equals(element)) {
                        lastmod = text.toString().strip();
                    } else if ((name.equals("sitemap") || name.equals("url")) && loc != null && !loc.isEmpty()) {
                        entries.add(new Entry(loc, lastmod == null || lastmod.isEmpty() ? null : lastmod));
                    }
                    element = null;
                }
            }
            if (index == null) {
                throw new NotASitemap("the document is empty");
            }
            return new Document(index, entries);
        } catch (XMLStreamException e) {
            throw new NotASitemap("the sitemap is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new NotASitemap("the gzipped sitemap cannot be read: " + e.getMessage());
        }
    }

    private static InputStream gunzipped(byte[] body) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        return body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b ? new GZIPInputStream(in) : in;
    }
}
