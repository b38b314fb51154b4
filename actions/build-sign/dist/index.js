import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug2 = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug2;
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug2 = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug2(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug2 = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug2("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug2("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug2("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug2("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid2 = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid2;
  }
});

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/lib/errors.ts
var ConfigurationError = class extends Error {
  constructor(input, message) {
    super(`input '${input}': ${message}`);
    this.input = input;
    this.name = "ConfigurationError";
  }
  input;
};
function describeError(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

// src/lib/action.ts
async function runAction(action, main) {
  try {
    await main();
  } catch (err) {
    setFailed(`${action} failed: ${describeError(err)}`);
    if (isDebug() && err instanceof Error && err.stack) debug(err.stack);
  }
}

// actions/build-sign/src/main.ts
import { mkdtempSync as mkdtempSync2, readFileSync, rmSync as rmSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import path4 from "node:path";

// src/lib/exec.ts
import { spawn } from "node:child_process";
var ExecError = class extends Error {
  constructor(command, result, detail) {
    super(`${command} ${detail}${tail(result.stderr) || tail(result.stdout)}`);
    this.command = command;
    this.result = result;
    this.name = "ExecError";
  }
  command;
  result;
};
var TAIL_LINES = 20;
function tail(text, lines = TAIL_LINES) {
  const kept = text.trimEnd().split("\n").slice(-lines).join("\n");
  return kept === "" ? "" : `:
${kept}`;
}
function formatCommand(file, args) {
  return [file, ...args].map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function execTool(file, args, options = {}) {
  const command = formatCommand(file, args);
  if (options.stream) info(`[command] ${command}`);
  else debug(`[command] ${command}`);
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === void 0) delete env[k];
      else env[k] = v;
    }
    const child = spawn(file, args, { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"], shell: false });
    const out = [];
    const err = [];
    const echo = (chunk) => {
      if (options.stream) process.stdout.write(chunk);
    };
    child.stdout.on("data", (c) => {
      out.push(c);
      echo(c);
    });
    child.stderr.on("data", (c) => {
      err.push(c);
      echo(c);
    });
    let timedOut = false;
    let killer;
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      killer = setTimeout(() => child.kill("SIGKILL"), 5e3);
    }, options.timeoutMs);
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      reject(new Error(e.code === "ENOENT" ? `${file}: command not found` : `${command}: ${e.message}`));
    });
    child.on("close", (code2, signal) => {
      if (timer) clearTimeout(timer);
      if (killer) clearTimeout(killer);
      const result = {
        exitCode: code2 ?? 128,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8")
      };
      if (!options.stream) {
        if (result.stdout && isDebug()) debug(result.stdout);
        if (result.stderr && isDebug()) debug(result.stderr);
      }
      if (timedOut) return reject(new ExecError(command, result, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1e3)}s`));
      if (code2 !== 0 && !options.allowFailure) {
        return reject(new ExecError(command, result, signal ? `was killed by ${signal}` : `exited with code ${code2}`));
      }
      resolve(result);
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}

// src/lib/registry-auth.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
function writeAuthConfig(registry, credentials) {
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = mkdtempSync(path.join(base, "registry-auth-"));
  const file = path.join(dir, "config.json");
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
  writeFileSync(file, `${JSON.stringify({ auths: { [registry]: { auth } } })}
`, { mode: 384 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}

// src/lib/registry.ts
import { createHash } from "node:crypto";

// src/lib/image-ref.ts
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
var DOMAIN = new RegExp(`^${host}(?::[0-9]+)?$`);
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var NAME_TOTAL_LENGTH_MAX = 255;
var IMAGE_FORMS = {
  name: "registry/path/name, e.g. ghcr.io/acme/app (lowercase, no tag or digest)",
  digest: "registry/path/name@sha256:<64 hex>, e.g. ghcr.io/acme/app@sha256:4f\u2026",
  tagOrDigest: "registry/path/name@sha256:<64 hex> or registry/path/name:tag"
};
function parseReference(value) {
  if (value === "") return "it is empty";
  if (/\s/.test(value)) return "it contains white space";
  let rest = value;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return `'${digest}' is not a sha256 digest (sha256: followed by 64 lowercase hex)`;
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return `'${tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`;
  }
  if (rest.length > NAME_TOTAL_LENGTH_MAX) return `the repository name is longer than ${NAME_TOTAL_LENGTH_MAX} characters`;
  const parts = rest.split("/");
  let domain;
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase() || first.startsWith("["))) {
    domain = first;
    parts.shift();
    if (!DOMAIN.test(domain)) return `'${domain}' is not a registry host[:port]`;
  }
  for (const part of parts) {
    if (!PATH_COMPONENT.test(part)) {
      return `path component '${part}' must be lowercase letters and digits, separated by '.', '_', '__' or '-'`;
    }
  }
  return { domain, path: parts.join("/"), tag, digest };
}
function fail(input, value, why, form) {
  throw new ConfigurationError(input, `'${value}' is not a valid image reference: ${why}. Expected ${form}`);
}
function parseImageName(input, value) {
  const ref = parseReference(value);
  if (typeof ref === "string") fail(input, value, ref, IMAGE_FORMS.name);
  if (ref.tag !== void 0 || ref.digest !== void 0) fail(input, value, "it includes a tag or digest; tags are set with the tags input", IMAGE_FORMS.name);
  if (ref.domain === void 0) fail(input, value, "it names no registry host", IMAGE_FORMS.name);
  return ref;
}
function isLoopbackRegistry(domain) {
  const hostOnly = domain.startsWith("[") ? domain.slice(0, domain.indexOf("]") + 1) : domain.replace(/:[0-9]+$/, "");
  return hostOnly === "localhost" || hostOnly === "[::1]" || /^127(?:\.[0-9]{1,3}){3}$/.test(hostOnly);
}

// src/lib/registry.ts
var MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var INDEX_MEDIA_TYPES = /* @__PURE__ */ new Set([MANIFEST_MEDIA_TYPES[0], MANIFEST_MEDIA_TYPES[2]]);
var RegistryError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "RegistryError";
  }
  status;
};
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function isTransient(status) {
  return status === 429 || status >= 500;
}
function parseChallenge(header) {
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params = {};
  const re = /([a-zA-Z_]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (let m = re.exec(header.slice(space + 1)); m; m = re.exec(header.slice(space + 1))) {
    params[(m[1] ?? "").toLowerCase()] = m[2] ?? m[3] ?? "";
  }
  return { scheme, params };
}
var RegistryClient = class _RegistryClient {
  constructor(options = {}) {
    this.options = options;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 3e4;
  }
  options;
  tokens = /* @__PURE__ */ new Map();
  basicFor = /* @__PURE__ */ new Set();
  attempts;
  backoffMs;
  timeoutMs;
  static baseUrl(registry) {
    const host2 = registry === "docker.io" ? "registry-1.docker.io" : registry;
    return `${isLoopbackRegistry(registry) ? "http" : "https"}://${host2}`;
  }
  /** HEAD a manifest by tag or digest; undefined when the registry says it does not exist. */
  async headManifest(registry, repository, reference) {
    const res = await this.request(registry, repository, "HEAD", `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw new RegistryError(`HEAD ${registry}/${repository}:${reference}: HTTP ${res.status}`, res.status);
    const digest = res.headers.get("docker-content-digest");
    if (!digest) {
      const full = await this.getManifest(registry, repository, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    return { digest, mediaType: (res.headers.get("content-type") ?? "").split(";")[0] ?? "", size: Number(res.headers.get("content-length") ?? 0) };
  }
  /** GET a manifest or index; its digest is computed from the bytes and checked against the registry's header. */
  async getManifest(registry, repository, reference) {
    const res = await this.request(registry, repository, "GET", `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw new RegistryError(`GET ${registry}/${repository}:${reference}: HTTP ${res.status} ${await res.text().catch(() => "")}`.trim(), res.status);
    const body = Buffer.from(await res.arrayBuffer());
    const digest = `sha256:${createHash("sha256").update(body).digest("hex")}`;
    const header = res.headers.get("docker-content-digest");
    if (header && header !== digest) throw new RegistryError(`${registry}/${repository}:${reference}: the registry says ${header} but the manifest bytes hash to ${digest}`);
    if (reference.startsWith("sha256:") && reference !== digest) throw new RegistryError(`${registry}/${repository}@${reference}: the manifest bytes hash to ${digest}`);
    const json = JSON.parse(body.toString("utf8"));
    const mediaType = (res.headers.get("content-type") ?? json.mediaType ?? "").split(";")[0] ?? "";
    return { digest, mediaType, size: body.length, body, json };
  }
  static isIndex(mediaType) {
    return INDEX_MEDIA_TYPES.has(mediaType);
  }
  /** Config digests of an image, or of each image an index lists (attestation manifests excluded). */
  async configDigests(registry, repository, reference) {
    const manifest = await this.getManifest(registry, repository, reference);
    if (!manifest) return void 0;
    if (!_RegistryClient.isIndex(manifest.mediaType) && manifest.json.config) return [manifest.json.config.digest];
    const configs = [];
    for (const child of manifest.json.manifests ?? []) {
      if (child.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") continue;
      const image = await this.getManifest(registry, repository, child.digest);
      if (image?.json.config) configs.push(image.json.config.digest);
    }
    return configs.sort();
  }
  authHeader(registry, scope) {
    const token = this.tokens.get(`${registry} ${scope}`);
    if (token) return `Bearer ${token}`;
    const c = this.options.credentials;
    if (c && this.basicFor.has(registry)) return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
    return void 0;
  }
  async fetchWithRetry(url, init, what) {
    let lastError = "";
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) {
        const delay = this.backoffMs * 2 ** (attempt - 2);
        info(`${what}: ${lastError}; retrying in ${delay} ms (attempt ${attempt} of ${this.attempts})`);
        await sleep(delay);
      }
      let res;
      try {
        res = await fetch(url, { ...init, redirect: "follow", signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (err) {
        const cause = err.cause?.code;
        lastError = `connection failed${cause ? ` (${cause})` : ""}: ${err.message}`;
        continue;
      }
      if (!isTransient(res.status)) return res;
      lastError = `HTTP ${res.status}`;
      const retryAfter = Number(res.headers.get("retry-after"));
      await res.arrayBuffer().catch(() => void 0);
      if (res.status === 429 && retryAfter > 0 && attempt < this.attempts) await sleep(Math.min(retryAfter, 30) * 1e3);
    }
    throw new RegistryError(`${what}: ${lastError} after ${this.attempts} attempts`);
  }
  async request(registry, repository, method, pathname) {
    const scope = `repository:${repository}:pull`;
    const url = `${_RegistryClient.baseUrl(registry)}${pathname}`;
    const what = `${method} ${url}`;
    const headers = () => {
      const h = { Accept: MANIFEST_MEDIA_TYPES.join(", ") };
      const auth = this.authHeader(registry, scope);
      if (auth) h.Authorization = auth;
      return h;
    };
    let res = await this.fetchWithRetry(url, { method, headers: headers() }, what);
    if (res.status !== 401) return res;
    const challenge = res.headers.get("www-authenticate");
    await res.arrayBuffer().catch(() => void 0);
    if (!challenge) throw new RegistryError(`${what}: HTTP 401 without an authentication challenge`, 401);
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === "basic") {
      if (!this.options.credentials) throw new RegistryError(`${what}: the registry asks for credentials (Basic) and none were given`, 401);
      this.basicFor.add(registry);
    } else if (scheme === "bearer") {
      await this.fetchToken(registry, params, scope);
    } else {
      throw new RegistryError(`${what}: unsupported authentication scheme '${scheme}'`, 401);
    }
    res = await this.fetchWithRetry(url, { method, headers: headers() }, what);
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(`${what}: HTTP ${res.status}: the registry refused the ${this.options.credentials ? "given credentials" : "anonymous request"}`, res.status);
    }
    return res;
  }
  async fetchToken(registry, params, scope) {
    const realm = params.realm;
    if (!realm) throw new RegistryError(`${registry}: Bearer challenge without a realm`);
    const realmUrl = new URL(realm);
    if (realmUrl.protocol !== "https:" && !isLoopbackRegistry(realmUrl.host)) {
      throw new RegistryError(`${registry}: refusing to send credentials to a non-HTTPS token realm ${realm}`);
    }
    if (params.service) realmUrl.searchParams.set("service", params.service);
    realmUrl.searchParams.set("scope", params.scope ?? scope);
    const headers = {};
    const c = this.options.credentials;
    if (c) headers.Authorization = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
    const res = await this.fetchWithRetry(realmUrl.toString(), { method: "GET", headers }, `token request to ${realmUrl.origin}${realmUrl.pathname}`);
    if (res.status !== 200) throw new RegistryError(`${registry}: the token service answered HTTP ${res.status}${c ? " to the given credentials" : ""}`, res.status);
    const body = await res.json();
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${registry}: the token service answered without a token`);
    setSecret(token);
    this.tokens.set(`${registry} ${scope}`, token);
  }
};

// src/lib/tools.ts
import { createHash as createHash2 } from "node:crypto";
import { accessSync, constants as constants2, createReadStream, statSync } from "node:fs";
import { arch as arch2, platform as platform2 } from "node:os";
import path2 from "node:path";

// src/lib/tools.json
var tools_default = {
  cosign: {
    version: "v3.0.6",
    platforms: {
      "linux-x64": {
        url: "https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64",
        sha256: "c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74",
        archive: "binary",
        bin: "cosign"
      },
      "linux-arm64": {
        url: "https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-arm64",
        sha256: "bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8",
        archive: "binary",
        bin: "cosign"
      }
    },
    source: "sigstore/cosign-installer action.yml (bootstrap_linux_amd64_sha / bootstrap_linux_arm64_sha for bootstrap_version v3.0.6, generated from cosign_checksums.txt; commit 6f9f177 'Bump cosign to 3.0.6'); identical values in cashapp/hermit-packages cosign.hcl"
  },
  trivy: {
    version: "v0.69.3",
    platforms: {
      "linux-x64": {
        url: "https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-64bit.tar.gz",
        sha256: "1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75",
        archive: "tar.gz",
        bin: "trivy"
      },
      "linux-arm64": {
        url: "https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-ARM64.tar.gz",
        sha256: "7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd",
        archive: "tar.gz",
        bin: "trivy"
      }
    },
    source: "cashapp/hermit-packages trivy.hcl sha256sums (added 2026-03-04, commit 488afd78); same values pinned in many independent Dockerfiles/scripts, one noting 'matches trivy_0.69.3_checksums.txt'"
  },
  kubeseal: {
    version: "v0.38.4",
    platforms: {
      "linux-x64": {
        url: "https://github.com/bitnami-labs/sealed-secrets/releases/download/v0.38.4/kubeseal-0.38.4-linux-amd64.tar.gz",
        sha256: "ab5ae808b0efcb167a825b6cf7f3a7c0034bd99a6301d78db2012da651a8c0b9",
        archive: "tar.gz",
        bin: "kubeseal"
      },
      "linux-arm64": {
        url: "https://github.com/bitnami-labs/sealed-secrets/releases/download/v0.38.4/kubeseal-0.38.4-linux-arm64.tar.gz",
        sha256: "bcc40ac15e29a21c270e2be8c62af29d4b01b9111ae667723e4b6d8e4009228b",
        archive: "tar.gz",
        bin: "kubeseal"
      }
    },
    source: "cashapp/hermit-packages kubeseal.hcl sha256sums (sha256-source = sealed-secrets_<ver>_checksums.txt; commit 69cbaf49); amd64 also pinned in several independent Dockerfiles/docs, arm64 quoted from sealed-secrets_0.38.4_checksums.txt in an independent doc"
  },
  kubectl: {
    version: "v1.35.2",
    platforms: {
      "linux-x64": {
        url: "https://dl.k8s.io/release/v1.35.2/bin/linux/amd64/kubectl",
        sha256: "924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277",
        archive: "binary",
        bin: "kubectl"
      },
      "linux-arm64": {
        url: "https://dl.k8s.io/release/v1.35.2/bin/linux/arm64/kubectl",
        sha256: "cd859449f54ad2cb05b491c490c13bb836cdd0886ae013c0aed3dd67ff747467",
        archive: "binary",
        bin: "kubectl"
      }
    },
    source: "cashapp/hermit-packages kubectl.hcl sha256sums (commit 0e4549be); same pair pinned as KUBECTL_SUM_amd64/arm64 for v1.35.2 in several independent Makefiles/Dockerfiles"
  }
};

// src/lib/tools.ts
var pinnedTools = tools_default;
var VERSION_ARGS = {
  cosign: ["version"],
  trivy: ["--version"],
  kubeseal: ["--version"],
  kubectl: ["version", "--client"]
};
function findOnPath(name, searchPath = process.env.PATH ?? "") {
  for (const dir of searchPath.split(path2.delimiter)) {
    if (dir === "") continue;
    const candidate = path2.join(dir, name);
    try {
      accessSync(candidate, constants2.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}
function parseVersionOutput(text) {
  const m = /v?[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?/.exec(text);
  return m ? m[0] : "unknown";
}
function platformKey() {
  const cpu = arch2() === "arm64" ? "arm64" : arch2() === "x64" ? "x64" : arch2();
  return `${platform2()}-${cpu}`;
}
async function sha256File(file) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
async function resolveTool(name, wanted, manifest = pinnedTools) {
  const onPath = findOnPath(name);
  if (onPath) {
    const out = await execTool(onPath, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 3e4 });
    const version2 = parseVersionOutput(`${out.stdout}
${out.stderr}`);
    info(`Using ${name} ${version2} from PATH (${onPath})`);
    if (wanted && version2 !== "unknown" && version2.replace(/^v/, "") !== wanted.replace(/^v/, "")) {
      warning(`${name} on PATH is ${version2}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version: version2, source: "path" };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
  if (version.replace(/^v/, "") !== pin.version.replace(/^v/, "")) {
    throw new Error(`${name} ${version} is not on PATH and only ${pin.version} is pinned with a checksum; install ${name} ${version} before this step or use ${pin.version}`);
  }
  const key = platformKey();
  const release = pin.platforms[key];
  if (!release) throw new Error(`${name} ${pin.version} has no pinned release for ${key}; install ${name} before this step`);
  const tc = await import("./lazy/tool-cache.js");
  const cached = tc.find(name, pin.version.replace(/^v/, ""), key);
  if (cached) {
    const bin2 = path2.join(cached, release.bin);
    info(`Using ${name} ${pin.version} from the tool cache (${bin2})`);
    return { path: bin2, version: pin.version, source: "cache" };
  }
  info(`Downloading ${name} ${pin.version} from ${release.url}`);
  const download = await tc.downloadTool(release.url);
  const actual = await sha256File(download);
  if (actual !== release.sha256) {
    throw new Error(`checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${actual}. The download was discarded and not run`);
  }
  let dir;
  if (release.archive === "tar.gz") {
    const extracted = await tc.extractTar(download);
    dir = await tc.cacheDir(extracted, name, pin.version.replace(/^v/, ""), key);
  } else {
    dir = await tc.cacheFile(download, release.bin, name, pin.version.replace(/^v/, ""), key);
  }
  const bin = path2.join(dir, release.bin);
  const { chmodSync } = await import("node:fs");
  chmodSync(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/build-sign/src/builder.ts
function provenanceLabels(env) {
  const labels = [];
  if (env.GITHUB_SHA) labels.push(["org.opencontainers.image.revision", env.GITHUB_SHA]);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) labels.push(["org.opencontainers.image.source", `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`]);
  return labels;
}
function fullRefs(inputs) {
  return inputs.tags.map((t) => `${inputs.image.domain}/${inputs.image.path}:${t}`);
}
function commonBuildFlags(inputs, labels) {
  const args = ["-f", inputs.file];
  if (inputs.target) args.push("--target", inputs.target);
  if (inputs.platforms.length > 0) args.push("--platform", inputs.platforms.join(","));
  for (const [k, v] of inputs.buildArgs) args.push("--build-arg", `${k}=${v}`);
  const merged = new Map([...labels, ...inputs.labels]);
  for (const [k, v] of merged) args.push("--label", `${k}=${v}`);
  for (const ref of fullRefs(inputs)) args.push("-t", ref);
  return args;
}
function sourceDateEpoch(env) {
  const v = env.SOURCE_DATE_EPOCH;
  return v && /^[0-9]+$/.test(v) ? v : void 0;
}
function buildArgv(builder, inputs, files, labels, epoch) {
  if (builder === "docker") {
    return ["buildx", "build", "--metadata-file", files.metadataFile, "--output", "type=image,push=false", ...commonBuildFlags(inputs, labels), inputs.context];
  }
  const auth = files.authfile ? ["--authfile", files.authfile] : [];
  const timestamp = epoch ? ["--timestamp", epoch] : [];
  return ["build", "--iidfile", files.iidfile, ...auth, ...timestamp, ...commonBuildFlags(inputs, labels), inputs.context];
}
function dockerPushArgv(inputs, metadataFile, labels) {
  return ["buildx", "build", "--metadata-file", metadataFile, "--output", "type=image,push=true", ...commonBuildFlags(inputs, labels), inputs.context];
}
function pushArgv(inputs, ref, digestfile, authfile) {
  const args = ["push", "--digestfile", digestfile];
  if (authfile) args.push("--authfile", authfile);
  if (isLoopbackRegistry(inputs.image.domain)) args.push("--tls-verify=false");
  args.push(ref, `docker://${ref}`);
  return args;
}
function parseBuildxMetadata(text) {
  const meta = JSON.parse(text);
  const str = (k) => typeof meta[k] === "string" ? meta[k] : void 0;
  return { configDigest: str("containerimage.config.digest"), digest: str("containerimage.digest") };
}
function parseDigestFile(text) {
  const t = text.trim();
  const digest = /^[a-f0-9]{64}$/.test(t) ? `sha256:${t}` : t;
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new Error(`the builder wrote '${t.slice(0, 80)}' where a sha256 digest was expected`);
  return digest;
}

// actions/build-sign/src/inputs.ts
import { existsSync as existsSync2, statSync as statSync2 } from "node:fs";
import path3 from "node:path";

// src/lib/inputs.ts
function rawInput(name) {
  return getInput(name, { trimWhitespace: true });
}
function requiredInput(name, form) {
  const value = rawInput(name);
  if (value === "") throw new ConfigurationError(name, `a value is required. Expected ${form}`);
  return value;
}
function optionalInput(name) {
  const value = rawInput(name);
  return value === "" ? void 0 : value;
}
function parseBoolean(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigurationError(name, `'${value}' is not a boolean. Expected true or false`);
}
function booleanInput(name) {
  return parseBoolean(name, requiredInput(name, "true or false"));
}
function parseChoice(name, value, choices) {
  if (choices.includes(value)) return value;
  throw new ConfigurationError(name, `'${value}' is not one of ${choices.join(", ")}`);
}
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
function parseKeyValueLines(name, value, options = {}) {
  const keyRule = options.key ?? { pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/, form: "letters, digits, _, . and -, not starting with a digit" };
  const seen = /* @__PURE__ */ new Set();
  const pairs = [];
  value.split("\n").forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") return;
    const eq = line.indexOf("=");
    const where = `line ${index + 1}`;
    if (eq < 0) {
      const shown = options.secret ? "" : ` ('${line.trim()}')`;
      throw new ConfigurationError(name, `${where}${shown} is not KEY=VALUE`);
    }
    const key = line.slice(0, eq).trim();
    if (!keyRule.pattern.test(key)) {
      throw new ConfigurationError(name, `${where}: key '${key}' is not valid. Expected ${keyRule.form}`);
    }
    if (seen.has(key)) throw new ConfigurationError(name, `${where}: key '${key}' is given twice`);
    seen.add(key);
    pairs.push([key, line.slice(eq + 1)]);
  });
  return pairs;
}
function maskSecrets(...values) {
  for (const v of values) {
    if (v === void 0 || v === "") continue;
    setSecret(v);
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 4) setSecret(line.trim());
  }
}

// actions/build-sign/src/tags.ts
var import_valid = __toESM(require_valid(), 1);
function isImmutableTag(tag, commitSha) {
  if ((0, import_valid.default)(tag.replace(/^v/, ""), { loose: false }) !== null && /^v?[0-9]/.test(tag)) return true;
  if (/^sha-[0-9a-f]{7,40}$/.test(tag)) return true;
  if (commitSha && /^[0-9a-f]{40}$/.test(commitSha)) {
    for (const run2 of tag.toLowerCase().match(/[0-9a-f]{7,40}/g) ?? []) {
      if (commitSha.startsWith(run2)) return true;
    }
  }
  return false;
}
function defaultTags(commitSha, ref) {
  const tags = [];
  if (commitSha && /^[0-9a-f]{40}$/.test(commitSha)) tags.push(`sha-${commitSha.slice(0, 12)}`);
  const m = /^refs\/tags\/(v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$/.exec(ref ?? "");
  if (m?.[1] && (0, import_valid.default)(m[1].slice(1)) !== null) tags.push(m[1]);
  return tags;
}

// actions/build-sign/src/inputs.ts
var BUILDERS = ["auto", "docker", "buildah", "podman"];
var TAG2 = /^[\w][\w.-]{0,127}$/;
var PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
var TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var KEY_URI = /^(env|awskms|gcpkms|azurekms|hashivault):\/\/\S+$/;
function directory(name, value, workspace) {
  const full = path3.resolve(workspace, value);
  if (!existsSync2(full) || !statSync2(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is not a directory (resolved to ${full}). Expected the build context folder`);
  return full;
}
function getInputs(env = process.env) {
  const registryPassword = optionalInput("registry-password");
  const cosignKeyRaw = optionalInput("cosign-key");
  const cosignPassword = rawInput("cosign-password");
  maskSecrets(registryPassword, cosignKeyRaw && !KEY_URI.test(cosignKeyRaw) ? cosignKeyRaw : void 0, cosignPassword);
  const image = parseImageName("image", requiredInput("image", "registry/path/name, e.g. ghcr.io/acme/app"));
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const context = directory("context", requiredInput("context", "the build context folder, e.g. ."), workspace);
  const fileInput = optionalInput("file");
  const file = fileInput ? path3.resolve(workspace, fileInput) : path3.join(context, "Dockerfile");
  if (!existsSync2(file) || !statSync2(file).isFile()) {
    throw new ConfigurationError("file", `${fileInput ? `'${fileInput}'` : "Dockerfile in the context"} does not exist (${file}). Expected a Dockerfile/Containerfile path`);
  }
  const buildArgs = parseKeyValueLines("build-args", rawInput("build-args"), { key: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, form: "a build argument name (letters, digits and _)" } });
  const target = optionalInput("target");
  if (target !== void 0 && !TARGET.test(target)) throw new ConfigurationError("target", `'${target}' is not a build stage name. Expected letters, digits, '_', '.' and '-'`);
  const platforms = parseList(rawInput("platforms"));
  for (const p of platforms) if (!PLATFORM.test(p)) throw new ConfigurationError("platforms", `'${p}' is not a platform. Expected os/arch[/variant], e.g. linux/amd64,linux/arm64`);
  const labels = parseKeyValueLines("labels", rawInput("labels"), { key: { pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, form: "a label key such as org.opencontainers.image.title" } });
  const allowMutableTags = booleanInput("allow-mutable-tags");
  const extraTags = parseList(rawInput("tags"));
  for (const t of extraTags) {
    if (!TAG2.test(t)) throw new ConfigurationError("tags", `'${t}' is not a valid tag. Expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`);
  }
  const commitSha = env.GITHUB_SHA;
  const tags = [.../* @__PURE__ */ new Set([...defaultTags(commitSha, env.GITHUB_REF), ...extraTags])];
  if (tags.length === 0) throw new ConfigurationError("tags", "no tag to push: GITHUB_SHA is not a commit SHA, so there is no default sha-<commit> tag. Expected at least one tag");
  const mutable = tags.filter((t) => !isImmutableTag(t, commitSha));
  if (mutable.length > 0 && !allowMutableTags) {
    throw new ConfigurationError(
      "tags",
      `${mutable.map((t) => `'${t}'`).join(", ")} ${mutable.length === 1 ? "is a mutable tag" : "are mutable tags"}: a later push could move it to another image. Expected immutable tags (v1.2.3, 1.2.3-rc.1, sha-<7-40 hex>, or a tag carrying the commit SHA), or set allow-mutable-tags: true`
    );
  }
  const builder = parseChoice("builder", requiredInput("builder", BUILDERS.join(" | ")), BUILDERS);
  if (builder !== "docker" && builder !== "auto" && platforms.length > 1) {
    throw new ConfigurationError("platforms", `${platforms.length} platforms need builder: docker (buildx builds multi-platform indexes); ${builder} builds one platform per run`);
  }
  const push = booleanInput("push");
  const username = optionalInput("registry-username");
  if (username === void 0 !== (registryPassword === void 0)) {
    throw new ConfigurationError(username === void 0 ? "registry-username" : "registry-password", "registry-username and registry-password go together: give both or neither");
  }
  const sign = booleanInput("sign");
  if (sign && !push) throw new ConfigurationError("sign", "signing needs the image in the registry: set push: true, or sign: false");
  let cosignKey;
  if (cosignKeyRaw !== void 0) {
    if (KEY_URI.test(cosignKeyRaw)) cosignKey = { kind: "uri", uri: cosignKeyRaw };
    else if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(cosignKeyRaw)) cosignKey = { kind: "pem", pem: cosignKeyRaw };
    else throw new ConfigurationError("cosign-key", "the value (not shown) is neither a PEM private key nor a key URI. Expected the contents of cosign.key, or env://, awskms://, gcpkms://, azurekms:// or hashivault:// URI");
  }
  const cosignVersion = requiredInput("cosign-version", "a cosign v3 release such as v3.0.6");
  if (!/^v?3\.[0-9]+\.[0-9]+$/.test(cosignVersion)) throw new ConfigurationError("cosign-version", `'${cosignVersion}' is not a cosign v3 release. Expected v3.X.Y`);
  return {
    image,
    context,
    file,
    buildArgs,
    target,
    platforms,
    labels,
    tags,
    allowMutableTags,
    builder,
    push,
    credentials: username !== void 0 && registryPassword !== void 0 ? { username, password: registryPassword } : void 0,
    sign,
    cosignKey,
    cosignPassword: cosignKey ? cosignPassword : void 0,
    cosignVersion
  };
}

// actions/build-sign/src/sign.ts
var KEY_ENV = "COSIGN_PRIVATE_KEY";
function runUrl(env) {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function signAnnotations(env) {
  const a = [];
  if (env.GITHUB_REPOSITORY) a.push("-a", `repo=${env.GITHUB_REPOSITORY}`);
  if (env.GITHUB_SHA) a.push("-a", `commit=${env.GITHUB_SHA}`);
  const run2 = runUrl(env);
  if (run2) a.push("-a", `run=${run2}`);
  return a;
}
function keylessProblem(env) {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return void 0;
  return "keyless signing needs the GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job (or give cosign-key for key-based signing)";
}
function signPlan(imageAtDigest, registry, key, password, env) {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to sign ${imageAtDigest}: only image@sha256 digests are signed`);
  const argv = ["sign", "--yes"];
  const childEnv = {};
  if (key?.kind === "pem") {
    argv.push("--key", `env://${KEY_ENV}`);
    childEnv[KEY_ENV] = key.pem;
    childEnv.COSIGN_PASSWORD = password ?? "";
  } else if (key?.kind === "uri") {
    argv.push("--key", key.uri);
    if (key.uri.startsWith("env://")) childEnv.COSIGN_PASSWORD = password ?? "";
  }
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(...signAnnotations(env), imageAtDigest);
  return { argv, env: childEnv, mode: key ? "key" : "keyless" };
}

// src/lib/summary.ts
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function code(text) {
  return `\`${text.replace(/`/g, "'")}\``;
}
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
async function writeSummary(sections) {
  try {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      debug("GITHUB_STEP_SUMMARY is not set; no job summary written");
      return;
    }
    await summary.addRaw(`${sections.join("\n\n")}
`, true).write();
  } catch (err) {
    warning(`Could not write the job summary: ${err.message}`);
  }
}

// actions/build-sign/src/summary.ts
function buildSignSummary(o) {
  const image = `${o.inputs.image.domain}/${o.inputs.image.path}`;
  const verdict = o.error ? `### \u274C build-sign failed

${o.error}` : o.imageRef ? `### \u2705 ${code(o.imageRef)}` : `### \u2705 built ${code(image)} (not pushed)`;
  const rows = [
    ["Image", code(image)],
    ["Digest", o.digest ? code(o.digest) : "\u2014"],
    ["Builder", o.builder ?? "\u2014"],
    ["Image config", o.configDigest ? code(o.configDigest) : "\u2014"],
    ["Signature", o.signed ? `signed with cosign (${o.signMode === "key" ? "key" : "keyless, GitHub OIDC"})` : o.inputs.sign ? "not signed" : "signing disabled (sign: false)"]
  ];
  const tagRows = o.inputs.tags.map((t) => [code(`${image}:${t}`), o.pushed.includes(t) ? "pushed" : o.skipped.includes(t) ? "already held this image" : "not pushed"]);
  const sections = [verdict, markdownTable(["", ""], rows), markdownTable(["Tag", "State"], tagRows)];
  if (o.imageRef) sections.push(`Deploy and verify by digest:

\`\`\`
${o.imageRef}
\`\`\``);
  return sections;
}

// actions/build-sign/src/main.ts
var BUILD_TIMEOUT_MS = 60 * 60 * 1e3;
async function works(file, args) {
  try {
    return (await execTool(file, args, { allowFailure: true, timeoutMs: 2e4 })).exitCode === 0;
  } catch {
    return false;
  }
}
async function pickBuilder(wanted) {
  if (wanted !== "auto") {
    const bin = wanted;
    if (!findOnPath(bin)) throw new Error(`builder ${wanted} was asked for but '${bin}' is not on PATH`);
    return wanted;
  }
  if (findOnPath("docker") && await works("docker", ["buildx", "version"]) && await works("docker", ["info", "--format", "{{.ServerVersion}}"])) return "docker";
  if (findOnPath("buildah")) return "buildah";
  if (findOnPath("podman")) return "podman";
  throw new Error("no image builder found: install docker with buildx, buildah or podman, or set the builder input");
}
async function checkExistingTags(client, inputs, configDigest) {
  const existing = /* @__PURE__ */ new Map();
  const conflicts = [];
  for (const tag of inputs.tags) {
    const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
    if (!head) continue;
    const configs = await client.configDigests(inputs.image.domain, inputs.image.path, tag);
    if (configs && configs.length === 1 && configs[0] === configDigest) {
      existing.set(tag, head.digest);
      info(`Tag ${tag} already holds this image (${head.digest}); it is not pushed again`);
    } else {
      conflicts.push(`${tag} (holds ${head.digest}, image config ${configs?.join(", ") ?? "unknown"})`);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(
      `tags are immutable and ${conflicts.length === 1 ? "this tag already exists" : "these tags already exist"} with a different image than the one just built (config ${configDigest}): ${conflicts.join("; ")}. Nothing was pushed. Use a new tag (each commit gets its own sha- tag) or make the build reproducible`
    );
  }
  return existing;
}
async function run() {
  const inputs = getInputs();
  const outcome = { inputs, pushed: [], skipped: [], signed: false };
  const work = mkdtempSync2(path4.join(process.env.RUNNER_TEMP || tmpdir2(), "build-sign-"));
  let auth;
  let dockerLoggedIn = false;
  try {
    if (inputs.sign && !inputs.cosignKey) {
      const problem = keylessProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const builder = await pickBuilder(inputs.builder);
    outcome.builder = builder;
    const cosign = inputs.sign ? await resolveTool("cosign", inputs.cosignVersion) : void 0;
    const client = new RegistryClient({ credentials: inputs.credentials });
    if (inputs.credentials) {
      auth = writeAuthConfig(inputs.image.domain, inputs.credentials);
      if (builder === "docker") {
        await execTool("docker", ["login", inputs.image.domain, "--username", inputs.credentials.username, "--password-stdin"], { input: `${inputs.credentials.password}
`, timeoutMs: 6e4 });
        dockerLoggedIn = true;
      }
    }
    const files = { iidfile: path4.join(work, "iid"), metadataFile: path4.join(work, "metadata.json"), authfile: auth?.file };
    const labels = provenanceLabels(process.env);
    const refs = fullRefs(inputs);
    await group(`Build ${refs.join(", ")} with ${builder}`, async () => {
      await execTool(builder, buildArgv(builder, inputs, files, labels, sourceDateEpoch(process.env)), { stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
    });
    const configDigest = builder === "docker" ? parseBuildxMetadata(readFileSync(files.metadataFile, "utf8")).configDigest : parseDigestFile(readFileSync(files.iidfile, "utf8"));
    if (!configDigest) throw new Error(`${builder} did not report the built image's config digest`);
    outcome.configDigest = configDigest;
    info(`Built image config ${configDigest}`);
    setOutput("tags", refs.join("\n"));
    if (!inputs.push) {
      info("push: false: the image stays local; nothing is pushed or signed");
      return;
    }
    const existing = await group("Check tags in the registry (tags are immutable)", () => checkExistingTags(client, inputs, configDigest));
    const toPush = inputs.tags.filter((t) => !existing.has(t));
    outcome.skipped = [...existing.keys()];
    const builderDigests = new Set(existing.values());
    if (toPush.length > 0) {
      await group(`Push ${toPush.length} tag(s)`, async () => {
        if (builder === "docker") {
          const pushMeta = path4.join(work, "push-metadata.json");
          await execTool("docker", dockerPushArgv({ ...inputs, tags: toPush }, pushMeta, labels), { stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
          const d = parseBuildxMetadata(readFileSync(pushMeta, "utf8")).digest;
          if (!d) throw new Error("docker buildx did not report the pushed digest");
          builderDigests.add(d);
        } else {
          for (const tag of toPush) {
            const ref = `${inputs.image.domain}/${inputs.image.path}:${tag}`;
            const digestfile = path4.join(work, `digest-${tag}`);
            await execTool(builder, pushArgv(inputs, ref, digestfile, auth?.file), { stream: true, timeoutMs: BUILD_TIMEOUT_MS });
            builderDigests.add(parseDigestFile(readFileSync(digestfile, "utf8")));
          }
        }
        outcome.pushed = toPush;
      });
    }
    if (builderDigests.size !== 1) throw new Error(`the tags ended up on different manifests (${[...builderDigests].join(", ")}); refusing to report one digest`);
    const builderDigest = [...builderDigests][0];
    const digest = await group("Read the digest back from the registry", async () => {
      for (const tag of inputs.tags) {
        const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
        if (!head) throw new Error(`${inputs.image.domain}/${inputs.image.path}:${tag} is not in the registry after the push`);
        if (head.digest !== builderDigest) throw new Error(`the registry serves ${tag} as ${head.digest} but ${builder} reported ${builderDigest}`);
        info(`${tag} -> ${head.digest}`);
      }
      return builderDigest;
    });
    const imageRef = `${inputs.image.domain}/${inputs.image.path}@${digest}`;
    outcome.digest = digest;
    outcome.imageRef = imageRef;
    setOutput("digest", digest);
    setOutput("image-ref", imageRef);
    if (cosign) {
      const plan = signPlan(imageRef, inputs.image.domain, inputs.cosignKey, inputs.cosignPassword, process.env);
      outcome.signMode = plan.mode;
      await group(`Sign ${imageRef} (${plan.mode})`, async () => {
        await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 });
      });
      outcome.signed = true;
    }
  } catch (err) {
    outcome.error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    setOutput("signed", String(outcome.signed));
    if (dockerLoggedIn) await execTool("docker", ["logout", inputs.image.domain], { allowFailure: true, timeoutMs: 3e4 }).catch(() => void 0);
    auth?.remove();
    rmSync2(work, { recursive: true, force: true });
    await writeSummary(buildSignSummary(outcome));
  }
}

// actions/build-sign/src/index.ts
await runAction("build-sign", run);
//# sourceMappingURL=index.js.map
