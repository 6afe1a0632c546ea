// Copying a summary and downloading it (or every summary) as a file: made on the page as a blob:
// URL, never sent anywhere.

/**
 * Copies a summary (`plain`), or downloads it as .txt or as .md (`markdown()`); `say` tells the
 * reader how it went.
 */
export async function deliver(action, button, { what, file, plain, markdown, say }) {
  if (action === "copy") {
    if ((await writeClipboard(plain)) || copyByCommand(plain, button)) {
      flash(button, "Copied");
      say(`${what} is on the clipboard.`);
    } else {
      say("The browser did not allow copying: select the summary and copy it.");
    }
  } else if (action === "txt") {
    download(file, `${plain}\n`, "text/plain");
  } else if (action === "md") {
    download(file, markdown(), "text/markdown");
  }
}

async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The older way to copy, for when the Clipboard API refuses (it wants the document focused, which
 * a click does not always give, e.g. in a page embedded in another): a hidden text area, selected
 * and copied, then focus back on `button`.
 */
function copyByCommand(text, button) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  button.focus();
  return ok;
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function flash(button, label) {
  const original = button.dataset.label ?? button.textContent;
  button.dataset.label = original;
  button.textContent = label;
  clearTimeout(button.flashTimer);
  button.flashTimer = setTimeout(() => {
    button.textContent = original;
  }, 1500);
}
