import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  WaiverFileError,
  applyWaivers,
  parseWaivers
} from "./chunk-HOXQELRO.js";
import "./chunk-GINXXFVL.js";
export {
  WaiverFileError,
  applyWaivers,
  parseWaivers
};
//# sourceMappingURL=waivers-Q777NXNY.js.map
