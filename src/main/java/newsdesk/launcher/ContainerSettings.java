package newsdesk.launcher;

import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.boot.AdminCommandRunner;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Payara settings applied before it boots (asadmin {@code set}, as {@code --prebootcommandfile} would):
 * no phone-home to payara.fish, and no response that names the server or its version.
 */
final class ContainerSettings {

    private static final System.Logger LOG = System.getLogger(ContainerSettings.class.getName());
    private static final String HTTP = "configs.config.server-config.network-config.protocols.protocol.http-listener.http.";

    /**
     * The embedding API has no phone-home switch (the property payaramicro.disablePhoneHome is only read
     * from a command line), so it is switched off here.
     */
    static final List<String> SETTINGS = List.of(
            "configs.config.server-config.phone-home-runtime-configuration.enabled=false",
            HTTP + "server-header=false",
            HTTP + "xpowered-by=false",
            // Request headers up to 32 KiB reach the application, which answers an oversized value with a
            // problem; beyond that Grizzly's parser refuses the request with a bodiless 400 before any filter runs.
            HTTP + "header-buffer-length-bytes=32768",
            // Feeds and the site's JSON are gzipped once per change by the application; Grizzly compressing
            // per response would spend CPU on every request, or compress twice.
            HTTP + "compression=off",
            // Our own descriptors (WEB-INF/web.xml) are not checked against their XML schema on every start: Payara
            // parses the file again for each of its MicroProfile containers (five times), loading the Jakarta EE
            // schemas each time. A malformed file still fails the deployment.
            "configs.config.server-config.admin-service.das-config.deploy-xml-validation=none",
            // Holds requests back until the launcher has put its filter in the listener (newsdesk.launcher.grizzly).
            "configs.config.server-config.thread-pools.thread-pool.http-thread-pool.classname="
                    + "newsdesk.launcher.grizzly.StartGate");

    private ContainerSettings() {
    }

    static void apply(AdminCommandRunner asadmin) {
        for (String setting : SETTINGS) {
            ClusterCommandResult result = asadmin.run("set", setting);
            if (result.getExitStatus() != ClusterCommandResult.ExitStatus.SUCCESS) {
                throw new LaunchFailure("Payara refused the setting " + setting + ": " + result.getOutput());
            }
            LOG.log(Level.INFO, "Payara: {0}", setting);
        }
    }
}
