// The test environment (jest.config.js): Node's, with a quiet log. Code under test that calls
// @actions/core writes the step's log straight to stdout (`::debug::[command] kubectl ...`,
// `::add-mask::`, `::group::`, core.info lines such as retry notices), which a runner reads but a
// person reading the test log does not need. Everything written to stdout while a test file runs
// is held per test and printed (to stderr, under the test's name) only when that test fails;
// TEST_LOG=1 lets it through as it comes. Jest's own report goes to stderr and is not touched.
import { TestEnvironment } from 'jest-environment-node';

const verbose = /^(1|true|yes)$/i.test(process.env.TEST_LOG ?? '');

class QuietEnvironment extends TestEnvironment {
  held = [];
  originalWrite = undefined;

  async setup() {
    await super.setup();
    if (verbose) return;
    const stdout = process.stdout;
    const original = stdout.write;
    this.originalWrite = original;
    const held = this.held;
    stdout.write = function write(chunk, ...rest) {
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
      if (text !== undefined) {
        held.push(text);
        const callback = rest.find((r) => typeof r === 'function');
        if (callback) process.nextTick(callback);
        return true;
      }
      return original.call(this, chunk, ...rest);
    };
  }

  async teardown() {
    if (this.originalWrite) process.stdout.write = this.originalWrite;
    await super.teardown();
  }

  handleTestEvent(event) {
    if (verbose) return;
    if (event.name === 'test_done') {
      if (event.test.errors.length > 0 && this.held.length > 0) {
        const names = [];
        for (let block = event.test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
        process.stderr.write(`\n── log written during the failed test "${names.join(' › ')}" (TEST_LOG=1 shows it always) ──\n${this.held.join('')}── end ──\n`);
      }
      this.held.length = 0;
    }
  }
}

export default QuietEnvironment;
