// Sums a V8 CPU profile (.cpuprofile) by self time: per function, and per package or part of the
// code (the product bundle's own sources are named by the function alone). For
// profile-extension-host.mjs and for reading a `--cpu-prof` profile of the command line.

/** Where a frame's code lives: a package under node_modules, VS Code's own code, or ours. */
function area(url) {
  if (!url) return '(VS Code and V8 internals)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (/mentoring-journal[^/]*\/dist\/extension\.js/.test(url)) return 'mentoring-journal bundle';
  if (/vs\/workbench|vs\/base|vs\/platform|extensionHostProcess|code-server/.test(url)) return 'VS Code extension host';
  if (url.startsWith('node:')) return 'Node built-ins';
  return url.replace(/^.*\//, '');
}

export function summarizeProfile(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const areas = new Map();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'}  ${url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = ['(idle)', '(program)', '(garbage collector)'].includes(functionName) ? functionName : area(url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const pct = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const lines = [`\nprofile: ${(total / 1000).toFixed(0)} ms sampled\n\nby area (self time):`];
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 15)) lines.push(`${pct(us)}  ${a}`);
  lines.push('', `top ${top} functions (self time):`);
  for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`${pct(us)}  ${f}`);
  return `${lines.join('\n')}\n`;
}
