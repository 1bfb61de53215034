package newsdesk.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlSanitizerTest {

    @Test
    void newsroomMarkupSurvives() {
        String html = "<h2>Підзаголовок</h2><p>Text with <em>emphasis</em>, <strong>weight</strong> and a "
                + "<a href=\"https://example.org/x\">link</a>.</p><blockquote>Quote</blockquote>"
                + "<ul><li>one</li></ul><figure><img src=\"https://cdn.example.org/a.jpg\" alt=\"A\" />"
                + "<figcaption>Caption</figcaption></figure>";
        String clean = HtmlSanitizer.body(html);
        assertTrue(clean.contains("<h2>Підзаголовок</h2>"), clean);
        assertTrue(clean.contains("<em>emphasis</em>"), clean);
        assertTrue(clean.contains("<a href=\"https://example.org/x\" rel=\"noopener\">link</a>"), clean);
        assertTrue(clean.contains("<img src=\"https://cdn.example.org/a.jpg\" alt=\"A\" />"), clean);
        assertTrue(clean.contains("<figcaption>Caption</figcaption>"), clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>a</p><script>alert(1)</script>",
            "<p onclick=\"alert(1)\">a</p>",
            "<a href=\"javascript:alert(1)\">a</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">a</a>",
            "<a href=\"java&#x09;script:alert(1)\">a</a>",
            "<img src=\"data:image/png;base64,AAAA\" />",
            "<img src=\"http://insecure.example/a.png\" onerror=\"alert(1)\" />",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x\"></object><embed src=\"x\" />",
            "<style>p{color:red}</style><p style=\"background:url(javascript:alert(1))\">a</p>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<a href=\"https://ok.example\" target=\"_blank\" onmouseover=\"alert(1)\">a</a>"})
    void dangerousMarkupIsDropped(String html) {
        String clean = HtmlSanitizer.body(html).toLowerCase();
        for (String forbidden : new String[] {"<script", "javascript:", "data:", "onclick", "onerror",
                "onmouseover", "<iframe", "<object", "<embed", "<style", "style=", "<svg", "http://insecure"}) {
            assertFalse(clean.contains(forbidden), forbidden + " survived in " + clean);
        }
    }

    @Test
    void emojiAreStoredAsTextNotAsReferences() {
        assertEquals("<p>Сніг 🌨️ і 🇺🇦 &amp; &lt;b&gt;</p>", HtmlSanitizer.body("<p>Сніг 🌨️ і 🇺🇦 &amp; &lt;b&gt;</p>"));
    }

    @Test
    void plainTextIsKeptLiterallyWithoutControlCharacters() {
        assertEquals("Tom & Jerry <3 \"quoted\" ]]> 🗞️", HtmlSanitizer.plainText(" Tom & Jerry <3 \"quoted\" ]]> 🗞️\u0007 "));
    }
}
