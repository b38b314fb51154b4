import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  IgnoreFileError,
  isYamlIgnoreFile,
  parseExpiry,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore
} from "./chunk-VJC2OVWC.js";
import "./chunk-GINXXFVL.js";
export {
  IgnoreFileError,
  isYamlIgnoreFile,
  parseExpiry,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore
};
//# sourceMappingURL=ignore-file-IIHQ4QPD.js.map
