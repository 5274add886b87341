/**
 * `npm test` needs real browsers (Chromium, Firefox ESR, WebKitGTK under Xvfb) and Java for the
 * Nu Html Checker. Install Debian's packages when we can (root + apt), otherwise stop with the one
 * command to run. Never skip a test for want of them.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromiumPath, testRequirements } from './browsers.ts';

function run(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

const missing = testRequirements.filter((r) => !existsSync(r.file));
if (missing.length > 0) {
  const packages = [...new Set(missing.map((r) => r.pkg))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const overridden = process.env['CHROMIUM_PATH'] && missing.some((r) => r.file === chromiumPath);
  if (!isRoot || !existsSync('/usr/bin/apt-get') || overridden) {
    console.error(`npm test needs: ${missing.map((r) => `${r.why} (${r.file})`).join('; ')}.`);
    console.error(`Run as root:  ${command}`);
    console.error('then `npm test` again.');
    process.exit(1);
  }
  console.log(`Installing Debian packages the tests need: ${packages.join(', ')}…`);
  if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', ...packages])) {
    console.error(`apt-get could not install them: run \`${command}\` as root, then \`npm test\` again.`);
    process.exit(1);
  }
  const still = testRequirements.filter((r) => !existsSync(r.file));
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.map((r) => r.file).join(', ')}.`);
    process.exit(1);
  }
}
for (const [name, path, flag] of [['Chromium', chromiumPath, '--version'], ['Java', '/usr/bin/java', '-version']] as const) {
  const version = spawnSync(path, [flag], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.error(`${path} does not run (${version.stderr.trim()}): reinstall its package with \`apt-get install -y --reinstall\`.`);
    process.exit(1);
  }
  console.log(`Using ${name}: ${(version.stdout || version.stderr).split('\n')[0]?.trim()}`);
}
