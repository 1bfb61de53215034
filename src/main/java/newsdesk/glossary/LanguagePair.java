package newsdesk.glossary;

import newsdesk.platform.Invalid;

import java.util.regex.Pattern;

/**
 * {@code ?pair=uk-en}: source and target language. A BCP 47 tag starts with a 2–3 letter language, so
 * the pair splits at the first dash where both sides are tags: pt-BR-en is pt-BR → en, uk-en-GB is uk → en-GB.
 */
record LanguagePair(String source, String target) {

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    static boolean isTag(String text) {
        return TAG.matcher(text).matches();
    }

    static LanguagePair parse(String pair) {
        String text = pair.strip();
        for (int dash = text.indexOf('-'); dash > 0; dash = text.indexOf('-', dash + 1)) {
            String source = text.substring(0, dash);
            String target = text.substring(dash + 1);
            if (TAG.matcher(source).matches() && TAG.matcher(target).matches()) {
                return new LanguagePair(source, target);
            }
        }
        throw Invalid.field("pair", "write the source and target language as uk-en");
    }
}
