/**
 * The one BrowserWindow: built from policy.ts's options, loaded from app://warraq, its bounds restored
 * from and saved to window-state.json. Navigation and pop-ups are already denied by security.ts.
 */
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './ipc/contract';
import { windowOptions } from './policy';
import { recoverFromRendererDeath } from './recovery';
import { clampToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

let mainWindow: BrowserWindow | null = null;

/** The app window, or null before it exists / after it closed. */
export function getMainWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

function currentState(win: BrowserWindow): WindowState {
  // getNormalBounds: the size to restore to, even while maximized.
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, maximized: win.isMaximized() };
}

/** Creates the window, restores its saved bounds and loads the renderer. Resolves once the load started. */
export async function setupMainWindow(preloadPath: string, userDataDir: string): Promise<BrowserWindow> {
  const saved = loadWindowState(userDataDir);
  const bounds = clampToDisplays(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(windowOptions(preloadPath, bounds));
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    win.show();
  });
  recoverFromRendererDeath(win);
  win.on('close', () => saveWindowState(userDataDir, currentState(win)));
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Brings the window forward (a second launch of the app lands here). */
export function focusMainWindow(): void {
  const win = getMainWindow();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
