/** 64-hex digests cut to 12 for tables and one-line details (a full digest makes a column unreadable). */
export function shortenDigests(text: string): string {
  return text.replace(/(sha256:)?\b([a-f0-9]{12})[a-f0-9]{52}\b/g, (_m, prefix: string | undefined, head: string) => `${prefix ?? ''}${head}…`);
}
