/**
 * Refuses to run a packaged Warraq in a weakened state the app cannot repair itself:
 * - without the Chromium sandbox (`--no-sandbox`, which the AppImage's AppRun adds where unprivileged user
 *   namespaces are refused — Ubuntu 23.10 and later). The Linux zygote starts before main.js, so the flag
 *   cannot be stripped; the app shows a dialog saying why and how to fix it, then exits.
 * - with a DevTools remote-debugging endpoint (`--remote-debugging-port` / `--remote-debugging-pipe`), which
 *   would let any local process drive the renderer. The inspector flags are already off by fuse.
 * Development runs (unpackaged) only warn on stderr. The texts live here: electron/ must not import renderer/.
 */
import { app, dialog } from 'electron';

export interface StartupInput {
  isPackaged: boolean;
  argv: readonly string[];
  hasSwitch(name: string): boolean;
}

export interface Refusal {
  kind: 'no-sandbox' | 'remote-debugging';
  title: string;
  message: string;
}

const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'];

const hasFlag = (input: StartupInput, name: string): boolean =>
  input.hasSwitch(name) || input.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));

export const NO_SANDBOX_REFUSAL: Refusal = {
  kind: 'no-sandbox',
  title: 'ورّاق — Warraq',
  message: [
    'لا يعمل ورّاق دون عزل نظام التشغيل (Sandbox): فهو يعرض صفحات مستوردة قد تحتوي شيفرة معادية.',
    'بدأ التطبيق بالخيار ‎--no-sandbox‎، وتضيفه حزمة AppImage حين يمنع النظام مساحات أسماء المستخدم (كما في Ubuntu 23.10 وما بعده).',
    'ثبّت حزمة ‎.deb‎ (تضبط ملف AppArmor اللازم) أو اسمح بمساحات أسماء المستخدم، ثم أعد التشغيل.',
    '',
    'Warraq will not run without the operating system sandbox: it displays imported pages that may carry hostile code.',
    'It was started with --no-sandbox, which the AppImage adds where the system refuses unprivileged user namespaces (Ubuntu 23.10 and later).',
    'Install the .deb package (it sets up the AppArmor profile the sandbox needs) or allow user namespaces, then start Warraq again.',
  ].join('\n'),
};

export const REMOTE_DEBUGGING_REFUSAL: Refusal = {
  kind: 'remote-debugging',
  title: 'ورّاق — Warraq',
  message: [
    'رُفض التشغيل: الخيار ‎--remote-debugging-port‎ يتيح لأي برنامج محلي التحكم في نافذة ورّاق.',
    'Refused: --remote-debugging-port (or --remote-debugging-pipe) would let any local program drive the Warraq window. Start Warraq without it.',
  ].join('\n'),
};

/** Why this run must not start, or null. Only a packaged app refuses. */
export function startupRefusal(input: StartupInput): Refusal | null {
  if (!input.isPackaged) return null;
  if (hasFlag(input, 'no-sandbox')) return NO_SANDBOX_REFUSAL;
  if (DEBUG_SWITCHES.some((s) => hasFlag(input, s))) return REMOTE_DEBUGGING_REFUSAL;
  return null;
}

/**
 * Checks this process. Returns true when it may go on. Otherwise the debugging switches are removed at once,
 * the refusal is printed, shown in a dialog once the app is ready, and the app exits with status 1.
 */
export function guardStartup(): boolean {
  const input: StartupInput = {
    isPackaged: app.isPackaged,
    argv: process.argv,
    hasSwitch: (s) => app.commandLine.hasSwitch(s),
  };
  const refusal = startupRefusal(input);
  if (!refusal) {
    if (hasFlag(input, 'no-sandbox'))
      console.warn('warning: running without the Chromium sandbox (development only; a packaged Warraq refuses)');
    return true;
  }
  for (const s of DEBUG_SWITCHES) app.commandLine.removeSwitch(s);
  console.error(refusal.message);
  void app.whenReady().then(() => {
    dialog.showErrorBox(refusal.title, refusal.message);
    app.exit(1);
  });
  return false;
}
