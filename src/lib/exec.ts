import * as core from '@actions/core';
import { spawn } from 'node:child_process';

/**
 * The one way this suite runs a program: an argument array (never a shell),
 * secrets only through `env` or `input` (stdin), output captured, a timeout.
 */
export interface ExecOptions {
  /** Added to the inherited environment; the place for secrets. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, then stdin is closed. The other place for secrets. */
  input?: string | Buffer;
  cwd?: string;
  /** Kill the program after this long (SIGTERM, then SIGKILL 5 s later). */
  timeoutMs?: number;
  /** Echo output lines to the log as they come (long builds); otherwise only in debug. */
  stream?: boolean;
  /** Return non-zero exits instead of throwing. */
  allowFailure?: boolean;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class ExecError extends Error {
  constructor(
    readonly command: string,
    readonly result: ExecResult,
    detail: string,
  ) {
    super(`${command} ${detail}${tail(result.stderr) || tail(result.stdout)}`);
    this.name = 'ExecError';
  }
}

const TAIL_LINES = 20;

/** The last lines of a stream, for error messages. */
export function tail(text: string, lines = TAIL_LINES): string {
  const kept = text.trimEnd().split('\n').slice(-lines).join('\n');
  return kept === '' ? '' : `:\n${kept}`;
}

/** The command as a person would type it, quoting what needs it (argv holds no secrets). */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function execTool(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const command = formatCommand(file, args);
  if (options.stream) core.info(`[command] ${command}`);
  else core.debug(`[command] ${command}`);
  return new Promise((resolve, reject) => {
    // The runner hands every input to the action as INPUT_<NAME>, secrets included: a child
    // process gets none of them, only the variables passed here for it.
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const child = spawn(file, args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const echo = (chunk: Buffer): void => {
      if (options.stream) process.stdout.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => {
      out.push(c);
      echo(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      err.push(c);
      echo(c);
    });
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          }, options.timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      reject(new Error(e.code === 'ENOENT' ? `${file}: command not found` : `${command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (killer) clearTimeout(killer);
      const result: ExecResult = {
        exitCode: code ?? 128,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (!options.stream) {
        if (result.stdout && core.isDebug()) core.debug(result.stdout);
        if (result.stderr && core.isDebug()) core.debug(result.stderr);
      }
      if (timedOut) return reject(new ExecError(command, result, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`));
      if (code !== 0 && !options.allowFailure) {
        return reject(new ExecError(command, result, signal ? `was killed by ${signal}` : `exited with code ${code}`));
      }
      resolve(result);
    });
    child.stdin.on('error', () => undefined); // a program that exits before reading stdin
    child.stdin.end(options.input ?? '');
  });
}
