// The extension's background: it owns every contact with the tab being read. The toolbar button,
// the context-menu item and the keyboard shortcut open the panel on that tab; the panel then asks
// here for the tab's article (reader.js, injected into the tab on demand: there is no content
// script), for its sentences to be highlighted and for one to be scrolled to.
//
// The extension has no host permission: it may touch a tab only after the reader asked it to
// there (activeTab), so a tab it was not asked about answers with an error the panel explains.
// The same file is the Chromium service worker and the Firefox background script.

const MENU = "summarize-page";
/** The highlights' look on the page: a style sheet the browser adds, not a node of the page. */
const HIGHLIGHT_CSS =
  "::highlight(gisty-summary) { background-color: rgba(255, 213, 79, 0.55); }\n" +
  "::highlight(gisty-current) { background-color: rgb(255, 167, 38); color: black; }";

/* global TEST_PANEL_TAB */
chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU, title: "Summarize this page", contexts: ["page", "selection"] });
  // The Firefox tests' build only (scripts/bundle-extension.mjs --test; esbuild folds this away
  // in every other): the panel in a tab, since WebDriver BiDi, which drives Firefox in the
  // tests, may not open an extension's page itself.
  if (TEST_PANEL_TAB) chrome.tabs.create({ url: "panel.html" });
});
chrome.action.onClicked.addListener((tab) => summarize(tab));
chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU && tab) summarize(tab);
});
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === "summarize-page" && tab) summarize(tab);
});

/**
 * Opens the panel on `tab` and has it summarize the tab. The panel is opened first, before any
 * await: browsers allow it only while the reader's click or key press is being handled.
 */
function summarize(tab) {
  const opening = chrome.sidePanel
    ? chrome.sidePanel.open({ windowId: tab.windowId })
    : globalThis.browser.sidebarAction.open();
  opening.catch(() => {});
  // A panel that opens now reads its tab from storage; one already open is told.
  chrome.storage.session.set({ tab: tab.id }).then(() =>
    chrome.runtime.sendMessage({ kind: "summarize", tab: tab.id }).catch(() => {}),
  );
}

/** The panel's requests: { kind: "read" | "highlight" | "scroll" | "clear", tab, ... }. */
const HANDLERS = {
  read: ({ tab }) => call(tab, "read"),
  async highlight({ tab, sentences }) {
    const styled = await call(tab, "styled");
    if (!styled) {
      await chrome.scripting.insertCSS({ target: { tabId: tab }, css: HIGHLIGHT_CSS });
      await call(tab, "markStyled");
    }
    return call(tab, "highlight", sentences);
  },
  scroll: ({ tab, index }) => call(tab, "scrollTo", index),
  clear: ({ tab }) => call(tab, "clear"),
};

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  // Only the extension's own pages ask (no content script or web page can reach this).
  if (sender.id !== chrome.runtime.id || !Object.hasOwn(HANDLERS, message?.kind)) return false;
  HANDLERS[message.kind](message).then(
    (result) => reply({ result }),
    (e) => reply({ error: String(e?.message ?? e) }),
  );
  return true; // the reply comes later
});

/**
 * Calls `name` of reader.js in `tab` with `args`, injecting reader.js first when the tab's page
 * does not have it yet (each new page starts without it).
 */
async function call(tab, name, ...args) {
  const target = { tabId: tab };
  const run = async () => {
    const [frame] = await chrome.scripting.executeScript({
      target,
      func: (n, a) => (globalThis.gistyReader ? globalThis.gistyReader[n](...a) : { missing: true }),
      args: [name, args],
    });
    return frame?.result;
  };
  let result = await run();
  if (result?.missing) {
    await chrome.scripting.executeScript({ target, files: ["reader.js"] });
    result = await run();
  }
  return result;
}
