import * as core from '@actions/core';

/**
 * Job summaries: one helper so every action writes them the same way, and a
 * failed write (no GITHUB_STEP_SUMMARY, full disk) is a warning, not a failure.
 */
export type Row = string[];

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function markdownTable(header: Row, rows: Row[]): string {
  const line = (cells: Row): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * A two-column table of facts. Its header is `Item | Value`, not empty: GitHub renders an empty
 * header row as a blank band above the table. (demo/markdown.mjs knows this header too, and shows
 * such a table as key/value lines in the terminal.)
 */
export function keyValueTable(rows: Row[]): string {
  return markdownTable(['Item', 'Value'], rows);
}

/**
 * Values registered as secrets (by maskSecrets). The runner masks them in the
 * log, but the summary file is written as it is: a tool that echoes a password
 * in its error message must not put it there.
 */
const secrets = new Set<string>();
export function rememberSecret(value: string): void {
  // Shorter values (a sealed DB_USER=demo, say) would blank out ordinary words of the
  // summary; the runner's log mask still covers them in the log.
  if (value.length >= 8) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/** Writes Markdown sections to the step summary, secrets redacted; never throws. */
export async function writeSummary(sections: string[]): Promise<void> {
  try {
    if (!process.env.GITHUB_STEP_SUMMARY) return; // not on a runner: nowhere to write it
    await core.summary.addRaw(redact(`${sections.join('\n\n')}\n`), true).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${(err as Error).message}`);
  }
}
