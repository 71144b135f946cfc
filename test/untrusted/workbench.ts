/**
 * What the extension host cannot see or do for itself: the workbench's DOM, read by the runner
 * (scripts/vscode-test/run-code-server.mjs) in the Chromium page that shows this window. The
 * suite writes a request into the folder named by MJ_UI_BRIDGE; the runner answers with the
 * aria-label and text of every element matching a CSS selector, or clicks the first one. Not a
 * suite itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep } from '../suite/support';

export interface WorkbenchElement {
  /** The element's aria-label ('' when it has none). */
  label: string;
  /** Its text content, trimmed. */
  text: string;
}

let counter = 0;

/** The elements of the workbench page matching `selector`, as the runner read them. */
export function queryWorkbench(selector: string, timeoutMs = 10000): Promise<WorkbenchElement[]> {
  return ask({ selector }, timeoutMs);
}

/** Clicks the first element matching `selector` in the workbench page (as a user would); resolves with it. */
export async function clickWorkbench(selector: string, timeoutMs = 10000): Promise<WorkbenchElement> {
  const [clicked] = await ask({ selector, click: true }, timeoutMs);
  return clicked!;
}

async function ask(request: { selector: string; click?: boolean }, timeoutMs: number): Promise<WorkbenchElement[]> {
  const { selector } = request;
  const dir = process.env.MJ_UI_BRIDGE;
  if (!dir) throw new Error('MJ_UI_BRIDGE is not set: these suites need the code-server runner (run-code-server.mjs --untrusted)');
  const id = `${Date.now()}-${process.pid}-${++counter}`;
  const file = path.join(dir, `${id}.request.json`);
  const response = path.join(dir, `${id}.response.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(request));
  fs.renameSync(`${file}.tmp`, file);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(response)) {
    if (Date.now() > deadline) throw new Error(`the runner did not answer the workbench ${request.click ? 'click on' : 'query'} ${selector} within ${timeoutMs} ms`);
    await sleep(50);
  }
  const answer = JSON.parse(fs.readFileSync(response, 'utf8')) as { ok: boolean; elements?: WorkbenchElement[]; error?: string };
  if (!answer.ok) throw new Error(`workbench ${request.click ? 'click on' : 'query'} ${selector} failed: ${answer.error}`);
  return answer.elements ?? [];
}

/** Polls `queryWorkbench(selector)` until `accept` holds for the elements; resolves with them. */
export async function waitForWorkbench(
  what: string, selector: string, accept: (elements: WorkbenchElement[]) => boolean, timeoutMs = 15000,
): Promise<WorkbenchElement[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const elements = await queryWorkbench(selector);
    if (accept(elements)) return elements;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; ${selector} matched: ${elements.map((e) => e.label || e.text).join(' | ') || 'nothing'}`);
    }
    await sleep(250);
  }
}
