/**
 * The desk's web front end at /desk/: static pages, styles and scripts from the WAR, served with a strict
 * Content-Security-Policy; everything they show comes from the REST API.
 */
package newsdesk.web;
