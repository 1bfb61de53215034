/**
 * What runs inside Payara's own HTTP stack rather than the application: a Grizzly filter that refuses
 * request paths the web container cannot decode. Shipped as target/lib/newsdesk-http.jar, loaded by Payara.
 */
package newsdesk.launcher.grizzly;
