package newsdesk.launcher;

import fish.payara.micro.PayaraMicro;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The system properties Payara Micro's own command line sets before it boots (MICRO-INF/payara-boot.properties
 * in its jar, each only if not already set); its embedding API skips them. Among them: the server's start-up
 * services run on several threads (org.glassfish.startupThreadPolicy=FULLY_THREADED; embedded, Payara starts
 * them one after another on the calling thread) and Grizzly's heap memory manager. With them Newsdesk boots
 * Payara as {@code java -jar payara-micro.jar} does (one left out, one added: {@link #SKIPPED}, {@link #OWN}).
 */
final class BootProperties {

    static final String RESOURCE = "/MICRO-INF/payara-boot.properties";
    /**
     * Newsdesk's own addition: Weld does not check the beans.xml files of Payara's own modules against their
     * XML schema on every start (it loads the schema to do so; the WAR itself has no beans.xml).
     */
    static final Map<String, String> OWN = Map.of("org.jboss.weld.xml.disableValidating", "true");

    /**
     * Not taken: java.net.preferIPv4Stack would bind the HTTP port for IPv4 only, and Newsdesk has always listened
     * on IPv6 too.
     */
    static final Set<String> SKIPPED = Set.of("java.net.preferIPv4Stack");

    private BootProperties() {
    }

    /** Sets Payara Micro's boot properties; call before Payara Micro boots. */
    static void apply() {
        Properties boot = new Properties();
        try (InputStream in = PayaraMicro.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LaunchFailure("Payara Micro's " + RESOURCE + " is missing from its jar; build with ./mvnw package");
            }
            boot.load(in);
        } catch (IOException e) {
            throw new LaunchFailure("cannot read Payara Micro's " + RESOURCE + ": " + e.getMessage(), e);
        }
        OWN.forEach(boot::setProperty);
        for (String name : boot.stringPropertyNames()) {
            if (!SKIPPED.contains(name) && System.getProperty(name) == null) {
                System.setProperty(name, boot.getProperty(name));
            }
        }
    }
}
