import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  WaiverFileError,
  applyWaivers,
  parseWaivers
} from "./chunk-AHKTKIRF.js";
import "./chunk-OJCTAFNX.js";
import "./chunk-GINXXFVL.js";
export {
  WaiverFileError,
  applyWaivers,
  parseWaivers
};
//# sourceMappingURL=waivers-I3EGIZIR.js.map
