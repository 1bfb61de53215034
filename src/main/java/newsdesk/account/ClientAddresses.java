package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which client a sign-in comes from, for throttling. It is the connection's peer, unless that peer is a
 * trusted proxy (newsdesk.http.trusted.proxies, none by default): then the nearest X-Forwarded-For hop
 * that is not one. Anyone can write that header, so it counts for nothing unless a trusted proxy wrote
 * it. An IPv6 client counts by its /64, since one subscriber usually holds the whole prefix.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("\\[?([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:%[^\\]]*)?]?(?::\\d{1,5})?");

    @Inject
    @ConfigProperty(name = "newsdesk.http.trusted.proxies")
    Optional<String> configuredProxies;

    private Set<InetAddress> trustedProxies = Set.of();

    /** Reads the setting at start-up: a mistyped proxy stops the start rather than failing every sign-in. */
    void readTrustedProxies(@Observes @Initialized(ApplicationScoped.class) Object started) {
        trustedProxies = Arrays.stream(configuredProxies.orElse("").split(","))
                .map(String::strip)
                .filter(proxy -> !proxy.isEmpty())
                .map(proxy -> parse(proxy).orElseThrow(() -> new IllegalArgumentException(
                        "newsdesk.http.trusted.proxies: " + proxy + " is not an IP address")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The throttling key of the client behind a connection from {@code peer} carrying {@code forwardedFor}. */
    public String of(String peer, String forwardedFor) {
        return resolve(peer, forwardedFor, trustedProxies);
    }

    /**
     * Whether the client reached us over https: the connection itself, or a trusted proxy that ended TLS and
     * says so in X-Forwarded-Proto (its nearest, i.e. last, value). From anyone else the header counts for nothing.
     */
    public boolean overHttps(String peer, boolean secureConnection, String forwardedProto) {
        if (secureConnection) {
            return true;
        }
        if (forwardedProto == null || parse(peer).filter(trustedProxies::contains).isEmpty()) {
            return false;
        }
        String[] hops = forwardedProto.split(",");
        return "https".equalsIgnoreCase(hops[hops.length - 1].strip());
    }

    static String resolve(String peer, String forwardedFor, Set<InetAddress> trustedProxies) {
        Optional<InetAddress> client = parse(peer);
        if (client.isEmpty()) {
            return String.valueOf(peer);
        }
        List<String> hops = forwardedFor == null ? List.of() : Arrays.asList(forwardedFor.split(","));
        // Walk back from the nearest hop while the address we trust so far is one of our proxies.
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client.get()); i--) {
            Optional<InetAddress> hop = parse(hops.get(i).strip());
            if (hop.isEmpty()) {
                break; // garbage from upstream: the last address we could trust stands for the client
            }
            client = hop;
        }
        return key(client.get());
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            return literal(prefix).getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    /** An IP literal (with an optional port or zone), never a host name: parsing must not ask DNS. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(literal(bytes));
        }
        Matcher v6 = IPV6.matcher(text);
        if (v6.matches()) {
            try {
                // Only hex digits, colons and dots: InetAddress parses this as a literal, without a lookup.
                return Optional.of(InetAddress.getByName(v6.group(1)));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address of 4 or 16 bytes", e);
        }
    }
}
