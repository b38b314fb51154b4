import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { execTool, formatCommand } from '../../src/lib/exec.js';

const node = process.execPath;
const echoArgs = 'process.stdout.write(JSON.stringify(process.argv.slice(1)))';

describe('execTool', () => {
  test('arguments reach the program literally: no shell interprets them', async () => {
    const nasty = ['$(touch /tmp/exec-pwned)', '; rm -rf /', '`id`', "a'b\"c", '*', '&& echo hi', '\n'];
    const r = await execTool(node, ['-e', echoArgs, ...nasty]);
    expect(JSON.parse(r.stdout)).toEqual(nasty);
  });

  test('any argument array round-trips unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')), { maxLength: 5 }), async (args) => {
        const r = await execTool(node, ['-e', echoArgs, '--', ...args]);
        expect(JSON.parse(r.stdout)).toEqual(args);
      }),
      { numRuns: 25 },
    );
  });

  test("a child gets none of the runner's INPUT_* variables (secret inputs among them), only what is passed for it", async () => {
    process.env['INPUT_REGISTRY-PASSWORD'] = 'canary-input-pw-3b9e';
    try {
      const r = await execTool(node, ['-e', 'process.stdout.write(JSON.stringify(Object.keys(process.env).filter((k) => /^(INPUT_|PASSED_)/.test(k))))'], { env: { PASSED_ONE: 'x' } });
      expect(JSON.parse(r.stdout)).toEqual(['PASSED_ONE']);
    } finally {
      delete process.env['INPUT_REGISTRY-PASSWORD'];
    }
  });

  test('secrets travel by stdin and environment', async () => {
    const r = await execTool(node, ['-e', 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s+"|"+process.env.MY_SECRET))'], {
      input: 'from-stdin',
      env: { MY_SECRET: 'from-env' },
    });
    expect(r.stdout).toBe('from-stdin|from-env');
  });

  test('a non-zero exit throws with the command and the tail of stderr', async () => {
    await expect(execTool(node, ['-e', 'console.error("boom: it broke"); process.exit(3)'])).rejects.toThrow(/exited with code 3:\nboom: it broke/);
    const r = await execTool(node, ['-e', 'process.exit(4)'], { allowFailure: true });
    expect(r.exitCode).toBe(4);
  });

  test('a program that runs too long is killed', async () => {
    const started = Date.now();
    await expect(execTool(node, ['-e', 'setTimeout(()=>{}, 60000)'], { timeoutMs: 300 })).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  test('a missing program says so', async () => {
    await expect(execTool('definitely-not-a-program-xyz', [])).rejects.toThrow('definitely-not-a-program-xyz: command not found');
  });

  test('formatCommand quotes what a shell would split', () => {
    expect(formatCommand('kubectl', ['set', 'image', 'deployment/web', "app=a b"])).toBe("kubectl set image deployment/web 'app=a b'");
  });
});
