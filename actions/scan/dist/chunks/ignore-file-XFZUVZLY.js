import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  IgnoreFileError,
  isYamlIgnoreFile,
  parseExpiry,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore
} from "./chunk-6MMLCH5C.js";
import "./chunk-GINXXFVL.js";
export {
  IgnoreFileError,
  isYamlIgnoreFile,
  parseExpiry,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore
};
//# sourceMappingURL=ignore-file-XFZUVZLY.js.map
