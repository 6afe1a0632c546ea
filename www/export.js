// Copying a summary and downloading it (or every summary) as a file: made on the page as a blob:
// URL, never sent anywhere.

/**
 * Copies a summary (`plain`), or downloads it as .txt or as .md (`markdown()`); `say` tells the
 * reader how it went.
 */
export async function deliver(action, button, { what, file, plain, markdown, say }) {
  if (action === "copy") {
    try {
      await navigator.clipboard.writeText(plain);
      flash(button, "Copied");
      say(`${what} is on the clipboard.`);
    } catch {
      say("The browser did not allow copying: select the summary and copy it.");
    }
  } else if (action === "txt") {
    download(file, `${plain}\n`, "text/plain");
  } else if (action === "md") {
    download(file, markdown(), "text/markdown");
  }
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
