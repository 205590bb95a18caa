/**
 * Whether the user's browser can be opened from here: not when asked not
 * to, not in CI, and on Linux and the BSDs not without a graphical display
 * (an SSH session, a container), where a browser would fail or start in the
 * terminal.
 */
export function canOpenBrowser(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): boolean {
  if (env.CI !== undefined && env.CI !== "" && env.CI !== "false") return false;
  if (env.BROWSER === "none") return false;
  if (platform === "darwin" || platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Open a URL in the user's default browser (the `open` package: xdg-open,
 * macOS's open, Windows's start, WSL). Resolves false when that failed, so
 * the caller can say to open it by hand.
 */
export async function openBrowser(url: string): Promise<boolean> {
  try {
    const { default: open } = await import("open");
    const child = await open(url);
    child.on("error", () => undefined);
    return true;
  } catch {
    return false;
  }
}
