package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** Sitemaps as sitemaps.org defines them. */
class SitemapsTest {

    @Test
    void anIndexListsItsSitemapsAndAUrlsetItsPagesWithLastmod() throws Exception {
        Sitemaps.Document index = Sitemaps.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://s/a.xml</loc><lastmod>2026-01-01</lastmod></sitemap>
                  <sitemap><loc> https://s/b.xml.gz </loc></sitemap>
                </sitemapindex>""".getBytes(StandardCharsets.UTF_8));
        assertThat(index.index()).isTrue();
        assertThat(index.entries()).containsExactly(new Sitemaps.Entry("https://s/a.xml", "2026-01-01"), new Sitemaps.Entry("https://s/b.xml.gz", null));

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("""
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                      <url><loc>https://s/p/1</loc><lastmod>2026-02-03T10:00:00+00:00</lastmod>
                        <image:image><image:loc>https://s/i/1.jpg</image:loc></image:image></url>
                      <url><loc>https://s/p/2?a=1&amp;b=2</loc></url>
                    </urlset>""".getBytes(StandardCharsets.UTF_8));
        }
        Sitemaps.Document urls = Sitemaps.parse(gz.toByteArray());
        assertThat(urls.index()).isFalse();
        assertThat(urls.entries()).containsExactly(new Sitemaps.Entry("https://s/p/1", "2026-02-03T10:00:00+00:00"),
                new Sitemaps.Entry("https://s/p/2?a=1&b=2", null));
    }

    @Test
    void whatIsNoSitemapIsRefused() {
        assertThatThrownBy(() -> Sitemaps.parse("<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> Sitemaps.parse("<urlset><url>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> Sitemaps.parse("""
                <?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <urlset><url><loc>&x;</loc></url></urlset>""".getBytes(StandardCharsets.UTF_8)))
                .as("no external entities").isInstanceOf(Sitemaps.NotASitemap.class);
    }
}
