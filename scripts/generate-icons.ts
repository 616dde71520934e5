import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './app-package/icon-drawing';

/** Redraws appPackage/color.png and appPackage/outline.png (commit the result). */
function main(): void {
  const appPackageDir = path.resolve(__dirname, '..', '..', '..', 'appPackage');
  writeFileSync(path.join(appPackageDir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(appPackageDir, 'outline.png'), drawOutlineIcon());
  process.stdout.write(`Wrote color.png (192×192) and outline.png (32×32) in ${appPackageDir}\n`);
}

main();
