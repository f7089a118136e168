// Flips Electron's fuses on a packaged Parallax binary (run at packaging time:
// `node scripts/set-fuses.mjs path/to/Parallax[.app|.exe]`). Fuses are bits in
// the binary itself, so they hold whatever the environment or command line says.
// There is no Electron binary on our machines or CI: the configuration is
// tested against a synthetic fuse wire (src/main/electron/fuses.test.ts).
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { pathToFileURL } from 'node:url';

/** Why each fuse is set as it is: SECURITY.md, "Fuses". */
export const parallaxFuses = {
  version: FuseVersion.V1,
  // The binary must not double as a plain Node (ELECTRON_RUN_AS_NODE=1 …).
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other session data encrypted at rest with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code (--require) into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash embedded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the app.asar runs, not a loose app/ folder dropped next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Electron's default: one V8 snapshot for every process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// pages get no more rights than in a browser (the app uses app://).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The fuses this script sets (every key but `version`), as wire indexes. */
const fusesSet = Object.keys(parallaxFuses)
  .filter((key) => key !== 'version')
  .map(Number);

/**
 * Flips the fuses and reads them back; throws if any this script sets did not
 * take (fuses it leaves alone, e.g. ones a newer Electron adds, are not checked).
 */
export async function setParallaxFuses(binaryPath) {
  await flipFuses(binaryPath, parallaxFuses);
  const wire = await getCurrentFuseWire(binaryPath);
  const wrong = fusesSet.filter((option) => wire[option] !== (parallaxFuses[option] ? 49 : 48));
  if (wrong.length > 0) {
    throw new Error(`Fuses not set: ${wrong.map((option) => FuseV1Options[option]).join(', ')}`);
  }
  return wire;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binaryPath = process.argv[2];
  if (!binaryPath) {
    console.error(
      'Usage: node scripts/set-fuses.mjs <path to the packaged Electron binary or .app>',
    );
    process.exit(2);
  }
  try {
    await setParallaxFuses(binaryPath);
    console.log(`Fuses set on ${binaryPath}.`);
  } catch (error) {
    console.error(`Could not set fuses on ${binaryPath}: ${error.message}`);
    process.exit(1);
  }
}
