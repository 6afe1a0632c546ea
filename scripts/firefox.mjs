// Debian's Firefox ESR as the tests start it, through geckodriver (selenium-webdriver): headless,
// a fresh profile each time (geckodriver makes one and deletes it at quit), and quiet. Firefox
// reaches out on its own (telemetry, updates, safe browsing, remote settings, captive-portal and
// connectivity checks): the prefs below turn each off, and a proxy that nothing listens on takes
// whatever is left, so no request leaves the machine. Loopback addresses never go through a proxy,
// so the page served on 127.0.0.1 is reached directly.

import fs from "node:fs";
import path from "node:path";

/** The browser: $FIREFOX, or Debian's. */
export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

/** geckodriver: $GECKODRIVER, else the first on PATH or in ~/.cargo/bin (cargo install puts it there). */
export function geckodriver() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), path.join(process.env.HOME ?? "", ".cargo/bin")];
  for (const dir of dirs) {
    const file = path.join(dir, "geckodriver");
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

/** The port of the proxy that takes every request Firefox would make off the machine: discard. */
const NOWHERE = 9;

/** The prefs of a fresh profile. */
export const FIREFOX_PREFS = {
  // Telemetry, health reports, studies.
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.unified": false,
  "toolkit.telemetry.archive.enabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "app.shield.optoutstudies.enabled": false,
  "app.normandy.enabled": false,
  // Updates of the browser, its add-ons and its search engines.
  "app.update.auto": false,
  "app.update.disabledForTesting": true,
  "extensions.update.enabled": false,
  "extensions.getAddons.cache.enabled": false,
  "browser.search.update": false,
  // Background checks and lists.
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.safebrowsing.downloads.enabled": false,
  "browser.safebrowsing.blockedURIs.enabled": false,
  "services.settings.server": "data:,",
  "browser.region.network.url": "",
  "browser.ping-centre.telemetry": false,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "network.http.speculative-parallel-limit": 0,
  // First-run pages.
  "browser.shell.checkDefaultBrowser": false,
  "browser.startup.homepage_override.mstone": "ignore",
  "browser.aboutwelcome.enabled": false,
  "startup.homepage_welcome_url": "about:blank",
  "browser.startup.page": 0,
  // Whatever is left goes to a proxy that is not there.
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": NOWHERE,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": NOWHERE,
  "network.proxy.socks": "127.0.0.1",
  "network.proxy.socks_port": NOWHERE,
  "network.proxy.socks_remote_dns": true,
  "network.proxy.allow_hijacking_localhost": false,
};
