/**
 * The build stamps (issue #15 §3, issue #14 §7): the node build is current exactly while its
 * sources keep the set and times it was built from; the web build while its inputs keep their
 * contents. Run on a small repository in a temporary folder.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNodeBuildCurrent, NODE_OUT, NODE_STAMP, nodeSources, nodeStamp } from './stamp.js';
import { isWebBuildCurrent, WEB_OUT, WEB_STAMP, webInputs, webInputsHash } from './web-stamp.js';

let root: string;
const write = (path: string, text = `// ${path}\n`) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const stampNode = () => {
  mkdirSync(join(root, NODE_OUT), { recursive: true });
  writeFileSync(join(root, NODE_OUT, NODE_STAMP), JSON.stringify(nodeStamp(root)));
};
const stampWeb = () => {
  write(`${WEB_OUT}/index.html`, '<html></html>');
  writeFileSync(join(root, WEB_OUT, WEB_STAMP), `${webInputsHash(root)}\n`);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ersattning-stamp-'));
  for (const f of [
    'package.json',
    'package-lock.json',
    'vite.config.ts',
    'src/cli/main.ts',
    'src/cli/main.test.ts',
    'src/db/seed/bands.json',
    'src/domain/money.ts',
    'src/domain/money.test.ts',
    'src/contract/labels.ts',
    'src/web/main.tsx',
    'src/web/index.html',
    'src/server/app.ts',
  ])
    write(f);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the node build stamp', () => {
  it('covers the TypeScript and JSON of src/ but the web app and tests', () => {
    expect(nodeSources(root)).toEqual([
      'src/cli/main.ts',
      'src/contract/labels.ts',
      'src/db/seed/bands.json',
      'src/domain/money.ts',
      'src/server/app.ts',
    ]);
  });

  it('is current after a build and stale after an edit, an added, a removed or a renamed file', () => {
    expect(isNodeBuildCurrent(root)).toBe(false); // no build yet
    stampNode();
    expect(isNodeBuildCurrent(root)).toBe(true);

    utimesSync(join(root, 'src/cli/main.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(isNodeBuildCurrent(root)).toBe(false);
    stampNode();
    write('src/cli/extra.ts');
    expect(isNodeBuildCurrent(root)).toBe(false);
    stampNode();
    rmSync(join(root, 'src/server/app.ts'));
    expect(isNodeBuildCurrent(root)).toBe(false);
    stampNode();
    renameSync(join(root, 'src/cli/extra.ts'), join(root, 'src/cli/other.ts')); // keeps its time
    expect(isNodeBuildCurrent(root)).toBe(false);
  });

  it('ignores what the node build does not compile: tests and the web app', () => {
    stampNode();
    write('src/cli/main.test.ts', '// changed');
    write('src/web/main.tsx', '// changed');
    write('src/web/pages/New.tsx');
    expect(isNodeBuildCurrent(root)).toBe(true);
  });

  it('is stale when the stamp is unreadable', () => {
    stampNode();
    writeFileSync(join(root, NODE_OUT, NODE_STAMP), '{not json');
    expect(isNodeBuildCurrent(root)).toBe(false);
  });
});

describe('the web build stamp', () => {
  it('covers the web app, contract, domain and the build configuration, not tests or the server', () => {
    expect(webInputs(root)).toEqual([
      'package-lock.json',
      'src/contract/labels.ts',
      'src/domain/money.ts',
      'src/web/index.html',
      'src/web/main.tsx',
      'vite.config.ts',
    ]);
  });

  it('is current while the inputs keep their contents, whatever their times', () => {
    expect(isWebBuildCurrent(root)).toBe(false); // never built
    stampWeb();
    expect(isWebBuildCurrent(root)).toBe(true);
    utimesSync(join(root, 'src/web/main.tsx'), new Date(), new Date(Date.now() + 5_000));
    write('src/server/app.ts', '// the server changed'); // not a web input
    write('src/domain/money.test.ts', '// a test changed');
    expect(isWebBuildCurrent(root)).toBe(true);
  });

  it('is stale after an input changes, is added or removed, or without a built index.html', () => {
    stampWeb();
    write('src/domain/money.ts', '// changed');
    expect(isWebBuildCurrent(root)).toBe(false);
    stampWeb();
    write('package-lock.json', '{"lockfileVersion": 3}');
    expect(isWebBuildCurrent(root)).toBe(false);
    stampWeb();
    write('src/web/pages/New.tsx');
    expect(isWebBuildCurrent(root)).toBe(false);
    stampWeb();
    rmSync(join(root, 'src/contract/labels.ts'));
    expect(isWebBuildCurrent(root)).toBe(false);
    stampWeb();
    rmSync(join(root, WEB_OUT, 'index.html'));
    expect(isWebBuildCurrent(root)).toBe(false);
  });
});
