// Dev-only: records a CPU profile of the extension host (node:inspector, in the host's own
// process) from its activation until Mentoring Journal has indexed the workspace and its tree
// has its top-level rows and their children, then times reading every journal file through
// vscode.workspace.fs and through Node's fs. Orders come from the environment:
//
//   MJ_PROFILE_DIR   folder for extension-host.cpuprofile and timings.json; without it, nothing.
/* global require, module, performance */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: VS Code loads `main` with require() */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const vscode = require('vscode');

const PRODUCT_ID = 'mentoring-journal.mentoring-journal';

function post(session, method, params) {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

async function listMarkdown(uri) {
  const out = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(uri)) {
    const child = vscode.Uri.joinPath(uri, name);
    if (type === vscode.FileType.Directory) out.push(...(await listMarkdown(child)));
    else if (type === vscode.FileType.File && name.endsWith('.md')) out.push(child);
  }
  return out;
}

/** Runs `read` over every item with 16 at a time, as the index does; returns the milliseconds. */
async function timed(items, read) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < items.length) await read(items[next++]);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return performance.now() - started;
}

async function run(dir) {
  const timings = { activatedAt: Date.now() };
  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  await post(session, 'Profiler.start');
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const product = vscode.extensions.getExtension(PRODUCT_ID);
  const api = await product.activate();
  timings.productActiveMs = since();
  if (api.service.listed) {
    // Versions with a progressive first build: when the relationships can be listed.
    await api.service.listed();
    timings.listedMs = since();
    timings.firstRows = (await api.tree.provider.getChildren()).map((n) => n.kind).join(',');
    timings.firstRowsMs = since();
  }
  await api.service.ready();
  timings.indexedMs = since();
  const roots = await api.tree.provider.getChildren();
  timings.treeRootsMs = since();
  for (const root of roots) await api.tree.provider.getChildren(root);
  timings.treeChildrenMs = since();
  const { profile } = await post(session, 'Profiler.stop');
  fs.writeFileSync(path.join(dir, 'extension-host.cpuprofile'), JSON.stringify(profile));
  timings.relationships = roots.length;
  timings.files = api.service.allRoots().reduce((n, r) => n + r.index.size, 0);

  // Reading every journal file again, each way in turn (three rounds), after the build.
  const uris = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) uris.push(...(await listMarkdown(folder.uri)));
  timings.readRounds = [];
  for (let round = 0; round < 3; round++) {
    const workspaceFs = await timed(uris, async (uri) => {
      await vscode.workspace.fs.stat(uri);
      await vscode.workspace.fs.readFile(uri);
    });
    const nodeFs = await timed(uris, async (uri) => {
      await fs.promises.stat(uri.fsPath);
      await fs.promises.readFile(uri.fsPath);
    });
    timings.readRounds.push({ files: uris.length, workspaceFsMs: Math.round(workspaceFs), nodeFsMs: Math.round(nodeFs) });
  }
  fs.writeFileSync(path.join(dir, 'timings.json'), JSON.stringify(timings, null, 2));
}

module.exports = {
  activate() {
    const dir = process.env.MJ_PROFILE_DIR;
    if (!dir) return;
    run(dir).catch((err) => fs.writeFileSync(path.join(dir, 'error.txt'), String(err && err.stack ? err.stack : err)));
  },
  deactivate() {},
};
