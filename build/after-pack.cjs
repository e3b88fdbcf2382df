// electron-builder afterPack hook (electron-builder.yml `afterPack`): turns on embedded asar integrity
// validation only where Electron implements it — macOS (Electron ≥ 16) and Windows (≥ 30). On Linux the
// fuse would do nothing, so it stays at Electron's default (off) and nothing promises it there.
// electron-builder flips the other fuses (the `electronFuses` block) right after this hook, then signs;
// on macOS that flip also resets the ad-hoc signature (resetAdHocDarwinSignature), so this flip is covered.
const INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32']);

/** The fuse config for one packed platform, or null when there is nothing to flip. */
async function integrityFuses(platformName) {
  if (!INTEGRITY_PLATFORMS.has(platformName)) return null;
  const { FuseVersion, FuseV1Options } = await import('@electron/fuses');
  return { version: FuseVersion.V1, [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true };
}

async function afterPack(context) {
  const fuses = await integrityFuses(context.electronPlatformName);
  if (fuses) await context.packager.addElectronFuses(context, fuses);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.integrityFuses = integrityFuses;
