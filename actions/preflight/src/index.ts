import { runAction } from '../../../src/lib/action.js';
import { run } from './main.js';

await runAction('preflight', run);
