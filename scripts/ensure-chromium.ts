/**
 * `npm test` needs a real Chromium. Install Debian's package when we can (root + apt), otherwise
 * stop with one line saying what to do. Never skip the browser tests.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.ts';

function run(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!existsSync(chromiumPath)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt && !process.env['CHROMIUM_PATH']) {
    console.log(`Chromium not found at ${chromiumPath}; installing Debian's chromium package…`);
    if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
      console.error('apt-get could not install chromium: run `apt-get update && apt-get install -y chromium` as root, then `npm test` again.');
      process.exit(1);
    }
  } else {
    console.error(
      `Chromium is needed at ${chromiumPath}: run \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary, then \`npm test\` again.`,
    );
    process.exit(1);
  }
}
const version = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`${chromiumPath} does not run (${version.stderr.trim()}): reinstall it with \`apt-get install -y --reinstall chromium\`.`);
  process.exit(1);
}
console.log(`Using ${version.stdout.trim()} at ${chromiumPath}`);
