#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
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

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve2, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve2.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode2(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf8 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf8.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf8.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf8.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf8.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE = fromInt(1);
        Long.ONE = ONE;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
              return div.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes, unsigned, le) {
          return le ? Long.fromBytesLE(bytes, unsigned) : Long.fromBytesBE(bytes, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes, unsigned) {
          return new Long(
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24,
            bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes, unsigned) {
          return new Long(
            bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7],
            bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key) {
      return key === "__proto__" || key === "prototype" || key === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject2(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.global.Buffer;
        return Buffer2.prototype.utf8Write || util.isNode ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer2 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer2 ? Buffer2.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer2 ? Buffer2.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out = [], tag = id << 3 | wireType;
      tag >>>= 0;
      while (tag > 127) {
        out.push(tag & 127 | 128);
        tag >>>= 7;
      }
      out.push(tag);
      for (var i = 0; i < data.length; ++i)
        out.push(data[i]);
      return util.newBuffer(out);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key, unsigned) {
      return util.key64Re.test(key) && !util.key32Re.test(key) ? util.longFromHash(key, unsigned) : key;
    };
    util.boolFromKey = function boolFromKey(key) {
      return key === "true" || key === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key))
        return;
      Object.defineProperty(obj, key, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf8 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf8.write(value, this.buf, lenPos + 1));
      }
      var len = utf8.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf8.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count, threshold) {
      var view = writer.view;
      if (view || count < threshold)
        return view;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.fork = function fork() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf8 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count, threshold) {
      var view = reader.view;
      if (view || count < threshold)
        return view;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf8.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf8.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag = this.tag();
            var nestedField = tag >>> 3;
            wireType = tag & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/minimal.js
var require_minimal2 = __commonJS({
  "node_modules/protobufjs/minimal.js"(exports, module) {
    "use strict";
    module.exports = require_index_minimal();
  }
});

// src/profile/errors.ts
var ProfileError = class extends Error {
  constructor(code, file, detail) {
    super(`${file}: ${detail}`);
    this.code = code;
    this.file = file;
    this.detail = detail;
  }
  code;
  file;
  detail;
  name = "ProfileError";
};
var UsageError = class extends Error {
  name = "UsageError";
};
function isInputError(e) {
  return e instanceof ProfileError || e instanceof UsageError;
}

// src/version.ts
var VERSION = "0.1.0";

// src/cli/args.ts
function parseArgs(argv, spec) {
  const out = { positionals: [], strings: {}, numbers: {}, flags: {}, lists: {} };
  const shorts = /* @__PURE__ */ new Map();
  for (const [name, s] of Object.entries(spec)) {
    if (s.short) shorts.set(s.short, name);
    if (s.kind === "list" || s.kind === "multi") out.lists[name] = [];
    if (s.kind === "boolean") out.flags[name] = false;
  }
  const isFlag = (t) => /^--?[a-zA-Z]/.test(t);
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    if (tok === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isFlag(tok)) {
      out.positionals.push(tok);
      continue;
    }
    let name;
    let inline;
    if (tok.startsWith("--")) {
      const eq = tok.indexOf("=");
      name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      inline = eq >= 0 ? tok.slice(eq + 1) : void 0;
    } else {
      const n = shorts.get(tok.slice(1, 2));
      if (!n) throw new UsageError(`unknown option ${tok}`);
      name = n;
      inline = tok.length > 2 ? tok.slice(2) : void 0;
    }
    let s = spec[name];
    if (!s && name.startsWith("no-") && spec[name.slice(3)]?.kind === "boolean") {
      out.flags[name.slice(3)] = false;
      continue;
    }
    if (!s) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(", ");
      throw new UsageError(`unknown option --${name} (known: ${known})`);
    }
    const takeValue = () => {
      if (inline !== void 0) return inline;
      const v = argv[i + 1];
      if (v === void 0 || isFlag(v) && !/^-\d/.test(v)) {
        throw new UsageError(`option --${name} needs a value`);
      }
      i++;
      return v;
    };
    switch (s.kind) {
      case "boolean":
        if (inline !== void 0) {
          if (!/^(true|false|1|0|yes|no)$/i.test(inline))
            throw new UsageError(`option --${name} takes true or false, got "${inline}"`);
          out.flags[name] = /^(true|1|yes)$/i.test(inline);
        } else out.flags[name] = true;
        break;
      case "string":
        out.strings[name] = takeValue();
        break;
      case "number": {
        const raw = takeValue();
        const v = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(v)) {
          throw new UsageError(`option --${name} needs a number, got "${raw}"`);
        }
        out.numbers[name] = v;
        break;
      }
      case "multi":
        out.lists[name].push(takeValue());
        break;
      case "list": {
        if (inline !== void 0) {
          out.lists[name].push(inline);
          break;
        }
        let n = 0;
        while (i + 1 < argv.length && !isFlag(argv[i + 1]) && argv[i + 1] !== "--") {
          out.lists[name].push(argv[++i]);
          n++;
        }
        if (n === 0) throw new UsageError(`option --${name} needs at least one value`);
        break;
      }
    }
    s = void 0;
  }
  return out;
}
function helpText(usage2, spec) {
  const lines = [usage2, "", "Options:"];
  for (const [name, s] of Object.entries(spec)) {
    const arg = s.kind === "boolean" ? "" : s.kind === "list" ? " VALUE..." : s.kind === "number" ? " N" : " VALUE";
    lines.push(`  --${name}${arg}`.padEnd(30) + (s.description ?? ""));
  }
  return lines.join("\n");
}
var processIO = () => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env
});

// src/profile/normalize.ts
function collapseGoTypeParams(name) {
  if (!name.includes("[")) return name;
  let out = "";
  let i = 0;
  while (i < name.length) {
    const c = name[i];
    const prev = i > 0 ? name[i - 1] : "";
    if (c === "[" && /[\w)*]/.test(prev)) {
      let depth = 0;
      let j = i;
      let quote = "";
      for (; j < name.length; j++) {
        const d = name[j];
        if (quote) {
          if (d === "\\") j++;
          else if (d === quote) quote = "";
          continue;
        }
        if (d === '"' || d === "`") quote = d;
        else if (d === "[") depth++;
        else if (d === "]") {
          depth--;
          if (depth === 0) break;
        }
      }
      if (j < name.length && j > i + 1) {
        out += "[...]";
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
var RULES = [
  {
    name: "addresses",
    description: "unsymbolized frames `[lib.so]+0x1a2b` become `[lib.so]` (addresses move between builds)",
    defaultOn: true,
    apply: (n) => n.replace(/^(\[[^\]]*\]|<unknown>)\+0x[0-9a-f]+$/, "$1")
  },
  {
    name: "go-generics",
    description: "Go generic instantiations `F[go.shape.int]` become `F[...]`",
    defaultOn: true,
    apply: collapseGoTypeParams
  },
  {
    name: "rust-hash",
    description: "Rust legacy symbol hashes `::h0123456789abcdef` are removed",
    defaultOn: true,
    apply: (n) => n.replace(/::h[0-9a-f]{16}(?=$|[\s)])/g, "")
  },
  {
    name: "java-generated",
    description: "Java lambda numbering (`lambda$run$3`), hidden classes (`$$Lambda$12/0x..`), CGLIB and accessor numbers",
    defaultOn: true,
    apply: (n) => n.replace(/lambda\$([\w$]*?)\$\d+/g, "lambda$$$1").replace(/\$\$Lambda(?:\$\d+)?(?:[/+]0x[0-9a-f]+)?(?:\/\d+)?/g, "$$$$Lambda").replace(/\$\$EnhancerBySpringCGLIB\$\$[0-9a-f]+/g, "").replace(/GeneratedMethodAccessor\d+/g, "GeneratedMethodAccessor")
  },
  {
    name: "frame-suffix",
    description: "async-profiler / stackcollapse annotations `_[j]` `_[i]` `_[k]` `_[0]` `_[1]` are removed",
    defaultOn: true,
    apply: (n) => n.replace(/_\[[jik01]\]$/, "")
  },
  {
    name: "process-roots",
    description: "process and thread root frames lose their ids: `java-123/456` -> `java`, `[main tid=7]` -> `[main]`, `thread (0x7f..)` -> `thread`",
    defaultOn: true,
    apply: (n) => n.replace(/^(.+?)-(?:\d+|\?)\/\d+$/, "$1").replace(/^\[(.*?)\s*tid=\d+\]$/, (_m, t) => t ? `[${t}]` : "[thread]").replace(/^thread \(0x[0-9a-fA-F]+\)(.*)$/, "thread$1").replace(/^process \d+:/, "process:")
  },
  {
    name: "python-lines",
    description: "py-spy line numbers `handle (app.py:42)` become `handle (app.py)`",
    defaultOn: true,
    apply: (n) => n.replace(/^(.* \([^():]+\.pyx?):\d+\)$/, "$1)")
  },
  {
    name: "cpp-clones",
    description: "C/C++ compiler clones `[clone .isra.0]`, `.constprop.N`, `.part.N`, `.cold` are removed",
    defaultOn: true,
    apply: (n) => n.replace(/ \[clone [^\]]+\]/g, "").replace(/\.(?:constprop|part|isra|lto_priv)\.\d+/g, "").replace(/\.cold(?:\.\d+)?$/, "")
  },
  {
    name: "go-closures",
    description: "Go closures `F.func1.2` are charged to the enclosing function `F` (off by default: merges closure time into its parent)",
    defaultOn: false,
    apply: (n) => n.replace(/(\.func\d+|\.\d+)+$/, "")
  }
];
function makeNormalizer(spec = "on") {
  const s = spec.trim();
  let active;
  if (s === "" || s === "on" || s === "default" || s === "true") active = RULES.filter((r) => r.defaultOn);
  else if (s === "off" || s === "none" || s === "false") active = [];
  else if (s === "all") active = [...RULES];
  else {
    const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
    const subtractive = parts.every((p) => p.startsWith("-"));
    const set = new Set(subtractive ? RULES.filter((r) => r.defaultOn).map((r) => r.name) : []);
    for (const p of parts) {
      const name = p.replace(/^[-+]/, "");
      if (!RULES.some((r) => r.name === name)) {
        throw new UsageError(
          `unknown name-normalization rule "${name}"; known: ${RULES.map((r) => r.name).join(", ")} (or on, off, all)`
        );
      }
      if (p.startsWith("-")) set.delete(name);
      else set.add(name);
    }
    active = RULES.filter((r) => set.has(r.name));
  }
  const cache = /* @__PURE__ */ new Map();
  const fn = ((name) => {
    let out = cache.get(name);
    if (out === void 0) {
      out = name;
      for (const r of active) out = r.apply(out);
      cache.set(name, out);
    }
    return out;
  });
  fn.rules = active.map((r) => r.name);
  return fn;
}

// src/profile/aggregate.ts
var ALIASES = {
  inuse_space: ["space"],
  inuse_objects: ["objects"],
  space: ["inuse_space"],
  objects: ["inuse_objects"],
  samples: ["sample"],
  sample: ["samples"],
  cpu: ["process_cpu"]
};
function selectSampleType(p, name, file) {
  if (!name) return p.defaultSampleType;
  const want = [name, ...ALIASES[name] ?? []];
  for (const w of want) {
    const i = p.sampleTypes.findIndex((t) => t.type === w);
    if (i >= 0) return i;
  }
  throw new ProfileError(
    "sample-type",
    file,
    `has no sample type "${name}"; it has: ${p.sampleTypes.map((t) => `${t.type} (${t.unit})`).join(", ")}`
  );
}
function aggregate(p, typeIndex, normalize = makeNormalizer("on")) {
  const names = [];
  const index = /* @__PURE__ */ new Map();
  const rawNames = /* @__PURE__ */ new Map();
  const map = new Uint32Array(p.functions.length);
  p.functions.forEach((raw, i) => {
    const n2 = normalize(raw);
    let id = index.get(n2);
    if (id === void 0) {
      id = names.length;
      names.push(n2);
      index.set(n2, id);
    }
    map[i] = id;
    if (n2 !== raw) {
      const list = rawNames.get(n2);
      if (!list) rawNames.set(n2, [raw]);
      else if (!list.includes(raw)) list.push(raw);
    }
  });
  const self2 = new Float64Array(names.length);
  const cum = new Float64Array(names.length);
  const stamp = new Int32Array(names.length).fill(-1);
  const vals = p.values[typeIndex];
  const off = p.stackOffsets;
  const frames = p.stackFrames;
  const n = off.length - 1;
  let total = 0;
  for (let s = 0; s < n; s++) {
    const v = vals[s];
    if (v === 0) continue;
    total += v;
    const a = off[s];
    const b = off[s + 1];
    if (a === b) continue;
    self2[map[frames[a]]] += v;
    for (let k = a; k < b; k++) {
      const f = map[frames[k]];
      if (stamp[f] !== s) {
        stamp[f] = s;
        cum[f] += v;
      }
    }
  }
  return { type: p.sampleTypes[typeIndex], names, self: self2, cum, total, rawNames, samples: n };
}
function mergeTotals(list) {
  if (list.length === 1) return list[0];
  const names = [];
  const index = /* @__PURE__ */ new Map();
  const selfL = [];
  const cumL = [];
  const rawNames = /* @__PURE__ */ new Map();
  let total = 0;
  let samples = 0;
  for (const t of list) {
    total += t.total;
    samples += t.samples;
    t.names.forEach((n, i) => {
      let id = index.get(n);
      if (id === void 0) {
        id = names.length;
        names.push(n);
        index.set(n, id);
        selfL.push(0);
        cumL.push(0);
      }
      selfL[id] += t.self[i];
      cumL[id] += t.cum[i];
    });
    for (const [n, raws] of t.rawNames) {
      const list2 = rawNames.get(n) ?? [];
      for (const r of raws) if (!list2.includes(r)) list2.push(r);
      rawNames.set(n, list2);
    }
  }
  return {
    type: list[0].type,
    names,
    self: Float64Array.from(selfL),
    cum: Float64Array.from(cumL),
    total,
    rawNames,
    samples
  };
}

// src/util/format.ts
function formatValue(v, unit) {
  const a = Math.abs(v);
  const u = unit.toLowerCase();
  const num = (x, suffix) => {
    const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    return `${x.toFixed(d)}${suffix}`;
  };
  if (u === "nanoseconds" || u === "ns") {
    if (a >= 1e9) return num(v / 1e9, "s");
    if (a >= 1e6) return num(v / 1e6, "ms");
    if (a >= 1e3) return num(v / 1e3, "us");
    return `${v}ns`;
  }
  if (u === "microseconds" || u === "us") return formatValue(v * 1e3, "nanoseconds");
  if (u === "milliseconds" || u === "ms") return formatValue(v * 1e6, "nanoseconds");
  if (u === "seconds" || u === "s") return formatValue(v * 1e9, "nanoseconds");
  if (u === "bytes" || u === "b") {
    if (a >= 1 << 30) return num(v / (1 << 30), "GB");
    if (a >= 1 << 20) return num(v / (1 << 20), "MB");
    if (a >= 1 << 10) return num(v / (1 << 10), "kB");
    return `${v}B`;
  }
  if (Number.isInteger(v)) return String(v);
  return v.toPrecision(4);
}
function pct(x, digits = 2) {
  return `${(x * 100).toFixed(digits)}%`;
}

// src/cli/files.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename as basename2, join, relative, resolve, sep } from "node:path";

// src/profile/cpuprofile.ts
function readCpuprofile(json, file) {
  void json;
  throw new ProfileError("unknown-format", file, "cpuprofile reader not written yet");
}

// src/profile/detect.ts
import { gunzipSync } from "node:zlib";
var DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;
function isGzip(b) {
  return b.length >= 2 && b[0] === 31 && b[1] === 139;
}
function inflate(bytes, file, maxBytes) {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e;
    if (err.code === "ERR_BUFFER_TOO_LARGE" || /Cannot create a Buffer larger/.test(err.message)) {
      throw new ProfileError(
        "too-large",
        file,
        `gzip data inflates to more than ${maxBytes} bytes (the limit; raise it with --max-inflated-mb if the file is genuine)`
      );
    }
    throw new ProfileError("gzip", file, `corrupt or truncated gzip data (${err.message})`);
  }
}
function looksLikeProtobufKey(b) {
  const field = b >> 3;
  const wire = b & 7;
  return field >= 1 && field <= 15 && (wire === 0 || wire === 2);
}
function decodeText(b, file) {
  if (b.length >= 2 && b[0] === 255 && b[1] === 254) {
    return new TextDecoder("utf-16le").decode(b.subarray(2));
  }
  if (b.length >= 2 && b[0] === 254 && b[1] === 255) {
    return new TextDecoder("utf-16be").decode(b.subarray(2));
  }
  let start = 0;
  if (b.length >= 3 && b[0] === 239 && b[1] === 187 && b[2] === 191) start = 3;
  const head = b.subarray(start, Math.min(b.length, start + 4096));
  let bad = 0;
  for (const c of head) {
    if (c === 0) return void 0;
    if (c < 9 || c > 13 && c < 32) bad++;
  }
  if (bad > head.length / 50) return void 0;
  void file;
  return new TextDecoder("utf-8", { fatal: false }).decode(b.subarray(start));
}
var LEGACY_TEXT = [
  /^heap profile:/,
  /^--- contention/,
  /^--- mutex/,
  /^goroutine profile:/,
  /^--- heapz/,
  /^--- threadz/,
  /^heap_v2\//
];
function sniff(input, file, maxInflated = DEFAULT_MAX_INFLATED_BYTES) {
  let bytes = input;
  for (let depth = 0; isGzip(bytes); depth++) {
    if (depth >= 2) throw new ProfileError("gzip", file, "gzip nested more than twice");
    bytes = inflate(bytes, file, maxInflated);
  }
  if (bytes.length === 0) throw new ProfileError("empty", file, "file is empty");
  const text = decodeText(bytes, file);
  if (text !== void 0) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return { kind: "json", text: trimmed };
    for (const re of LEGACY_TEXT) {
      if (re.test(trimmed)) return { kind: "legacy", what: trimmed.split("\n")[0].slice(0, 40) };
    }
    if (trimmed.length > 0 && !looksLikeProtobufKey(bytes[0])) return { kind: "text", text };
    if (/\S[ \t]+-?\d+(\.\d+)?\s*$/m.test(text.slice(0, 65536))) return { kind: "text", text };
  }
  if (isLegacyBinaryCpu(bytes)) return { kind: "legacy", what: "legacy binary CPU profile" };
  if (!looksLikeProtobufKey(bytes[0])) {
    throw new ProfileError(
      "unknown-format",
      file,
      "not a recognised profile format (expected pprof protobuf, gzip, folded stacks, perf script, speedscope JSON or Chrome .cpuprofile)"
    );
  }
  return { kind: "pprof", bytes };
}
function isLegacyBinaryCpu(b) {
  if (b.length < 24) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const w32 = (i) => dv.getUint32(i * 4, true);
  if (w32(0) === 0 && w32(1) === 0 && w32(2) === 3 && w32(3) === 0) return true;
  return w32(0) === 0 && w32(1) === 3 && w32(2) <= 1;
}

// src/profile/folded.ts
function readFolded(text, file) {
  void text;
  throw new ProfileError("unknown-format", file, "folded reader not written yet");
}

// src/profile/perfscript.ts
function readPerfScript(text, file) {
  void text;
  throw new ProfileError("unknown-format", file, "perfscript reader not written yet");
}
function looksLikePerfScript(text) {
  void text;
  return false;
}

// src/profile/model.ts
var ProfileBuilder = class {
  constructor(sampleTypes) {
    this.sampleTypes = sampleTypes;
    this.vals = sampleTypes.map(() => new Float64Array(256));
  }
  sampleTypes;
  names = /* @__PURE__ */ new Map();
  functions = [];
  frames = new Uint32Array(1024);
  nFrames = 0;
  offsets = new Uint32Array(256);
  nSamples = 0;
  vals;
  labelIds;
  labelSetIndex = /* @__PURE__ */ new Map();
  labelSets = [];
  /** Returns the id of a function name, adding it on first sight. */
  fn(name) {
    let id = this.names.get(name);
    if (id === void 0) {
      id = this.functions.length;
      this.functions.push(name);
      this.names.set(name, id);
    }
    return id;
  }
  /** Interns a label set; returns its index. */
  labelSet(labels) {
    const key = JSON.stringify(labels);
    let id = this.labelSetIndex.get(key);
    if (id === void 0) {
      id = this.labelSets.length;
      this.labelSets.push(labels);
      this.labelSetIndex.set(key, id);
    }
    return id;
  }
  get sampleCount() {
    return this.nSamples;
  }
  ensureFrames(extra) {
    if (this.nFrames + extra > this.frames.length) {
      let n = this.frames.length * 2;
      while (n < this.nFrames + extra) n *= 2;
      const next = new Uint32Array(n);
      next.set(this.frames.subarray(0, this.nFrames));
      this.frames = next;
    }
  }
  ensureSamples() {
    if (this.nSamples + 2 > this.offsets.length) {
      const n = this.offsets.length * 2;
      const off = new Uint32Array(n);
      off.set(this.offsets);
      this.offsets = off;
      this.vals = this.vals.map((v) => {
        const next = new Float64Array(n);
        next.set(v);
        return next;
      });
      if (this.labelIds) {
        const next = new Int32Array(n).fill(-1);
        next.set(this.labelIds);
        this.labelIds = next;
      }
    }
  }
  /** Adds one sample; `stack` is leaf first. */
  add(stack, values, labelSet = -1) {
    this.addFrom(stack, 0, stack.length, values, labelSet);
  }
  /** Adds one sample from stack[start..end) (leaf first). */
  addFrom(stack, start, end, values, labelSet = -1) {
    this.ensureSamples();
    const len = end - start;
    this.ensureFrames(len);
    const frames = this.frames;
    let n = this.nFrames;
    for (let i = start; i < end; i++) frames[n++] = stack[i];
    this.nFrames = n;
    const s = this.nSamples;
    for (let k = 0; k < this.vals.length; k++) this.vals[k][s] = values[k];
    if (labelSet >= 0 || this.labelIds) {
      if (!this.labelIds) this.labelIds = new Int32Array(this.offsets.length).fill(-1);
      this.labelIds[s] = labelSet;
    }
    this.nSamples = s + 1;
    this.offsets[s + 1] = n;
  }
  build(meta) {
    const n = this.nSamples;
    return {
      ...meta,
      sampleTypes: this.sampleTypes,
      functions: this.functions,
      stackOffsets: this.offsets.slice(0, n + 1),
      stackFrames: this.frames.slice(0, this.nFrames),
      values: this.vals.map((v) => v.slice(0, n)),
      labelSets: this.labelSets,
      sampleLabelSet: this.labelIds ? this.labelIds.slice(0, n) : void 0
    };
  }
};

// src/profile/varint.ts
var import_minimal = __toESM(require_minimal2(), 1);
var createReader = (buf) => import_minimal.default.Reader.create(buf);
var WireError = class extends Error {
};
function outOfRange() {
  throw new WireError("unexpected end of data");
}
function readInt64(r) {
  const buf = r.buf;
  const len = r.len;
  let pos = r.pos;
  let lo = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    lo |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return lo >>> 0;
    }
  }
  if (pos >= len) outOfRange();
  b = buf[pos++];
  lo |= (b & 15) << 28;
  let hi = (b & 127) >> 4;
  if (b < 128) {
    r.pos = pos;
    return hi * 4294967296 + (lo >>> 0);
  }
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    hi |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return (hi | 0) * 4294967296 + (lo >>> 0);
    }
  }
  throw new WireError("varint longer than 10 bytes");
}
function readUint64Big(r) {
  const buf = r.buf;
  let pos = r.pos;
  let v = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos >= r.len) outOfRange();
    const b = buf[pos++];
    v |= BigInt(b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return BigInt.asUintN(64, v);
    }
    shift += 7n;
  }
  throw new WireError("varint longer than 10 bytes");
}
function readEnd(r) {
  const n = r.uint32();
  const end = r.pos + n;
  if (end > r.len) outOfRange();
  return end;
}
function readRepeatedInt64(r, wire, out) {
  if (wire === 2) {
    const end = readEnd(r);
    while (r.pos < end) out.push(readInt64(r));
    if (r.pos !== end) throw new WireError("packed field overruns its length");
  } else if (wire === 0) {
    out.push(readInt64(r));
  } else {
    throw new WireError(`wire type ${wire} where a varint was expected`);
  }
}

// src/profile/pprof.ts
var IdTable = class {
  map = /* @__PURE__ */ new Map();
  dense;
  set(id, index) {
    if (this.map.has(id)) return false;
    this.map.set(id, index);
    return true;
  }
  /** Builds a dense lookup when ids are small (the usual case: 1..n). */
  freeze() {
    let max = 0;
    for (const id of this.map.keys()) if (id > max) max = id;
    if (max <= Math.max(1 << 16, this.map.size * 4)) {
      this.dense = new Int32Array(max + 1).fill(-1);
      for (const [id, i] of this.map) this.dense[id] = i;
    }
  }
  get(id) {
    if (this.dense) return id < this.dense.length ? this.dense[id] : -1;
    return this.map.get(id) ?? -1;
  }
};
function basename(p) {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i >= 0 ? p.slice(i + 1) : p;
}
function simplifyFunc(name) {
  let s = name.startsWith(".") ? name.slice(1) : name;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  let m;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === "(") {
      s = s.slice(0, m.index);
      break;
    }
  }
  return s;
}
function pprofDisplayName(name, systemName) {
  if (name !== "" && name !== systemName) return name;
  let n = systemName;
  if (!n.includes(".<") && !n.includes("]).") && (/[<>[\]]/.test(n) || n.includes("::"))) {
    n = removeMatching(n, "(", ")");
    n = removeMatching(n, "<", ">");
  }
  return n;
}
function removeMatching(name, open, close) {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      if (++nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}
function compileFrameRegex(src, what, file) {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    throw new ProfileError("protobuf", file, `${what} is not a valid regular expression: ${src}`);
  }
}
function readPprof(bytes, file, opts = {}) {
  try {
    return decode(bytes, file, opts);
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    if (e instanceof WireError || e instanceof RangeError || e instanceof Error) {
      throw new ProfileError(
        "protobuf",
        file,
        `not a valid pprof protobuf (truncated or corrupt: ${e.message})`
      );
    }
    throw e;
  }
}
function decode(bytes, file, opts) {
  const r = createReader(bytes);
  const strings = [];
  const sampleTypeIdx = [];
  const functions = [];
  const mappings = [];
  const locations = [];
  const comments = [];
  let samplePos = new Uint32Array(1024);
  let nSamples = 0;
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0;
  let timeSeen = 0;
  let durationNanos = 0;
  let periodType;
  let period = 0;
  let defaultSampleType = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) throw new WireError("field number 0");
    switch (field) {
      case 1:
        expectWire(wire, 2);
        sampleTypeIdx.push(readValueType(r));
        break;
      case 2: {
        expectWire(wire, 2);
        const end = readEnd(r);
        if (nSamples * 2 + 2 > samplePos.length) {
          const next = new Uint32Array(samplePos.length * 2);
          next.set(samplePos);
          samplePos = next;
        }
        samplePos[nSamples * 2] = r.pos;
        samplePos[nSamples * 2 + 1] = end;
        nSamples++;
        r.pos = end;
        break;
      }
      case 3:
        expectWire(wire, 2);
        mappings.push(readMapping(r));
        break;
      case 4:
        expectWire(wire, 2);
        locations.push(readLocation(r));
        break;
      case 5:
        expectWire(wire, 2);
        functions.push(readFunction(r));
        break;
      case 6:
        expectWire(wire, 2);
        strings.push(r.string());
        break;
      case 7:
        dropFrames = readInt64(r);
        break;
      case 8:
        keepFrames = readInt64(r);
        break;
      case 9:
        timeNanos = readInt64(r);
        timeSeen++;
        break;
      case 10:
        durationNanos = readInt64(r);
        break;
      case 11:
        expectWire(wire, 2);
        periodType = readValueType(r);
        break;
      case 12:
        period = readInt64(r);
        break;
      case 13:
        readRepeatedInt64(r, wire, comments);
        break;
      case 14:
        defaultSampleType = readInt64(r);
        break;
      default:
        r.skipType(wire);
    }
  }
  if (strings.length > 0 && strings[0] !== "") {
    throw new ProfileError("protobuf", file, "string_table[0] must be the empty string");
  }
  const str = (i, what) => {
    if (i === 0) return "";
    if (i < 0 || i >= strings.length || !Number.isInteger(i)) {
      throw new ProfileError(
        "invalid-reference",
        file,
        `${what} refers to string ${i}, but the string table has ${strings.length} entries`
      );
    }
    return strings[i];
  };
  if (timeSeen > 1) {
    throw new ProfileError(
      "protobuf",
      file,
      "time_nanos appears twice: this looks like two profiles concatenated"
    );
  }
  const sampleTypes = sampleTypeIdx.map(([t, u], i) => ({
    type: str(t, `sample_type[${i}].type`),
    unit: str(u, `sample_type[${i}].unit`)
  }));
  if (sampleTypes.length === 0) {
    throw new ProfileError("protobuf", file, "profile declares no sample types");
  }
  let defaultIndex = sampleTypes.length - 1;
  if (defaultSampleType !== 0) {
    const name = str(defaultSampleType, "default_sample_type");
    const i = sampleTypes.findIndex((t) => t.type === name);
    if (i >= 0) defaultIndex = i;
  }
  const fnIds = new IdTable();
  functions.forEach((f, i) => {
    if (f.id === 0) throw new ProfileError("protobuf", file, `function ${i} has id 0 (reserved)`);
    if (!fnIds.set(f.id, i))
      throw new ProfileError("protobuf", file, `duplicate function id ${f.id}`);
  });
  fnIds.freeze();
  const mapIds = new IdTable();
  mappings.forEach((m, i) => {
    if (m.id === 0) throw new ProfileError("protobuf", file, `mapping ${i} has id 0 (reserved)`);
    if (!mapIds.set(m.id, i)) throw new ProfileError("protobuf", file, `duplicate mapping id ${m.id}`);
  });
  mapIds.freeze();
  const builder = new ProfileBuilder(sampleTypes);
  const fnName = functions.map((f) => {
    const name = str(f.name, `function ${f.id} name`);
    const sys = str(f.systemName, `function ${f.id} system_name`);
    const fileName = str(f.filename, `function ${f.id} filename`);
    return pprofDisplayName(name, sys) || fileName;
  });
  const drop = dropFrames ? compileFrameRegex(str(dropFrames, "drop_frames"), "drop_frames", file) : void 0;
  const keep = drop && keepFrames ? compileFrameRegex(str(keepFrames, "keep_frames"), "keep_frames", file) : void 0;
  const shouldDrop = (name) => {
    if (!drop || opts.allFrames || name === "") return false;
    const s = simplifyFunc(name);
    return drop.test(s) && !(keep && keep.test(s));
  };
  const locIds = new IdTable();
  const locStart = new Uint32Array(locations.length + 1);
  const locPrune = new Uint8Array(locations.length);
  const locFramesList = [];
  let anyPrune = false;
  locations.forEach((loc, li) => {
    if (loc.id === 0) throw new ProfileError("protobuf", file, `location ${li} has id 0 (reserved)`);
    if (!locIds.set(loc.id, li)) throw new ProfileError("protobuf", file, `duplicate location id ${loc.id}`);
    let mapping;
    if (loc.mappingId !== 0) {
      const mi = mapIds.get(loc.mappingId);
      if (mi < 0)
        throw new ProfileError(
          "invalid-reference",
          file,
          `location ${loc.id} refers to mapping ${loc.mappingId}, which does not exist`
        );
      mapping = mappings[mi];
    }
    locStart[li] = locFramesList.length;
    const names = [];
    for (const fid of loc.functionIds) {
      if (fid === 0) {
        names.push(unsymbolizedName(loc, mapping, str));
        continue;
      }
      const fi = fnIds.get(fid);
      if (fi < 0)
        throw new ProfileError(
          "invalid-reference",
          file,
          `location ${loc.id} refers to function ${fid}, which does not exist`
        );
      names.push(fnName[fi] || unsymbolizedName(loc, mapping, str));
    }
    let first = 0;
    if (drop) {
      let i = loc.functionIds.length - 1;
      for (; i >= 0; i--) {
        const fid = loc.functionIds[i];
        const fi = fid === 0 ? -1 : fnIds.get(fid);
        if (fi >= 0 && shouldDrop(str(functions[fi].name, "function name"))) break;
      }
      if (i >= 0) {
        anyPrune = true;
        if (i === loc.functionIds.length - 1) locPrune[li] = 2;
        else {
          locPrune[li] = 1;
          first = i + 1;
        }
      }
    }
    if (names.length === 0) names.push(unsymbolizedName(loc, mapping, str));
    for (let k = first; k < names.length; k++) locFramesList.push(builder.fn(names[k]));
  });
  locStart[locations.length] = locFramesList.length;
  locIds.freeze();
  const locFrames = Uint32Array.from(locFramesList);
  const nTypes = sampleTypes.length;
  const values = new Float64Array(nTypes);
  let locBuf = new Int32Array(256);
  let stack = new Uint32Array(1024);
  const valueList = [];
  const labelList = [];
  for (let s = 0; s < nSamples; s++) {
    r.pos = samplePos[s * 2];
    const end = samplePos[s * 2 + 1];
    let nLoc = 0;
    let nVal = 0;
    labelList.length = 0;
    while (r.pos < end) {
      const tag = r.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (field === 1) {
        if (wire === 2) {
          const e = readEnd(r);
          while (r.pos < e) {
            if (nLoc === locBuf.length) locBuf = grow32(locBuf);
            locBuf[nLoc++] = lookupLocation(locIds, readInt64(r), file, s);
          }
        } else {
          expectWire(wire, 0);
          if (nLoc === locBuf.length) locBuf = grow32(locBuf);
          locBuf[nLoc++] = lookupLocation(locIds, readInt64(r), file, s);
        }
      } else if (field === 2) {
        if (wire === 2) {
          const e = readEnd(r);
          while (r.pos < e) {
            const v = readInt64(r);
            if (nVal < nTypes) values[nVal] = v;
            nVal++;
          }
        } else {
          expectWire(wire, 0);
          const v = readInt64(r);
          if (nVal < nTypes) values[nVal] = v;
          nVal++;
        }
      } else if (field === 3) {
        expectWire(wire, 2);
        labelList.push(readLabel(r, str));
      } else {
        r.skipType(wire);
      }
    }
    if (r.pos !== end) throw new WireError(`sample ${s} overruns its length`);
    if (nVal !== nTypes) {
      throw new ProfileError(
        "protobuf",
        file,
        `sample ${s} has ${nVal} values but the profile declares ${nTypes} sample types`
      );
    }
    let firstLoc = 0;
    if (anyPrune) {
      let foundUser = false;
      for (let i = nLoc - 1; i >= 0; i--) {
        const p = locPrune[locBuf[i]];
        if (p === 0) {
          foundUser = true;
          continue;
        }
        if (!foundUser) continue;
        firstLoc = p === 2 ? i + 1 : i;
        break;
      }
    }
    let n = 0;
    for (let i = firstLoc; i < nLoc; i++) {
      const li = locBuf[i];
      const a = locStart[li];
      const b = locStart[li + 1];
      if (n + (b - a) > stack.length) stack = growU32(stack, n + (b - a));
      for (let k = a; k < b; k++) stack[n++] = locFrames[k];
    }
    let labelSet = -1;
    if (labelList.length > 0) labelSet = builder.labelSet(labelList.slice());
    builder.addFrom(stack, 0, n, values, labelSet);
  }
  void valueList;
  return builder.build({
    format: "pprof",
    defaultSampleType: defaultIndex,
    period,
    periodType: periodType ? { type: str(periodType[0], "period_type.type"), unit: str(periodType[1], "period_type.unit") } : void 0,
    durationNanos,
    timeNanos,
    comments: comments.map((c, i) => str(c, `comment[${i}]`)),
    warnings: []
  });
}
function lookupLocation(ids, id, file, sample) {
  const li = ids.get(id);
  if (li < 0) {
    throw new ProfileError(
      "invalid-reference",
      file,
      `sample ${sample} refers to location ${id}, which does not exist`
    );
  }
  return li;
}
function grow32(a) {
  const n = new Int32Array(a.length * 2);
  n.set(a);
  return n;
}
function growU32(a, min) {
  let len = a.length * 2;
  while (len < min) len *= 2;
  const n = new Uint32Array(len);
  n.set(a);
  return n;
}
function expectWire(wire, want) {
  if (wire !== want) throw new WireError(`wire type ${wire} where ${want} was expected`);
}
function unsymbolizedName(loc, mapping, str) {
  const file = mapping ? basename(str(mapping.filename, `mapping ${mapping.id} filename`)) : "";
  const module = file ? `[${file}]` : "<unknown>";
  if (loc.address === 0n) return module;
  const addr = mapping && file ? loc.address - mapping.start + mapping.offset : loc.address;
  return `${module}+0x${BigInt.asUintN(64, addr).toString(16)}`;
}
function readValueType(r) {
  const end = readEnd(r);
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    const f = tag >>> 3;
    if (f === 1) type = readInt64(r);
    else if (f === 2) unit = readInt64(r);
    else r.skipType(tag & 7);
  }
  return [type, unit];
}
function readMapping(r) {
  const end = readEnd(r);
  const m = { id: 0, start: 0n, offset: 0n, filename: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        m.id = readInt64(r);
        break;
      case 2:
        m.start = readUint64Big(r);
        break;
      case 4:
        m.offset = readUint64Big(r);
        break;
      case 5:
        m.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return m;
}
function readLocation(r) {
  const end = readEnd(r);
  const loc = { id: 0, mappingId: 0, address: 0n, functionIds: [] };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        loc.id = readInt64(r);
        break;
      case 2:
        loc.mappingId = readInt64(r);
        break;
      case 3:
        loc.address = readUint64Big(r);
        break;
      case 4: {
        expectWire(tag & 7, 2);
        const e = readEnd(r);
        let fid = 0;
        while (r.pos < e) {
          const t = r.uint32();
          if (t >>> 3 === 1) fid = readInt64(r);
          else r.skipType(t & 7);
        }
        loc.functionIds.push(fid);
        break;
      }
      default:
        r.skipType(tag & 7);
    }
  }
  return loc;
}
function readFunction(r) {
  const end = readEnd(r);
  const f = { id: 0, name: 0, systemName: 0, filename: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        f.id = readInt64(r);
        break;
      case 2:
        f.name = readInt64(r);
        break;
      case 3:
        f.systemName = readInt64(r);
        break;
      case 4:
        f.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return f;
}
function readLabel(r, str) {
  const end = readEnd(r);
  let key = 0;
  let s = 0;
  let num;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        key = readInt64(r);
        break;
      case 2:
        s = readInt64(r);
        break;
      case 3:
        num = readInt64(r);
        break;
      case 4:
        unit = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  const label = { key: str(key, "label key") };
  if (s) label.str = str(s, "label value");
  else if (num !== void 0) label.num = num;
  if (unit) label.unit = str(unit, "label unit");
  return label;
}

// src/profile/speedscope.ts
function readSpeedscope(json, file) {
  void json;
  throw new ProfileError("unknown-format", file, "speedscope reader not written yet");
}

// src/profile/read.ts
function readProfile(bytes, file, opts = {}) {
  const s = sniff(bytes, file, opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  let p;
  switch (s.kind) {
    case "legacy":
      throw new ProfileError(
        "legacy-format",
        file,
        `legacy (pre-protobuf) pprof format is not supported (${s.what}); convert it with \`go tool pprof -proto FILE > out.pb.gz\``
      );
    case "pprof":
      p = readPprof(s.bytes, file, { allFrames: opts.allFrames });
      break;
    case "json":
      p = readJson(s.text, file);
      break;
    case "text":
      p = looksLikePerfScript(s.text) ? readPerfScript(s.text, file) : readFolded(s.text, file);
      break;
  }
  if (p.stackOffsets.length <= 1) {
    throw new ProfileError("empty", file, "profile has no samples");
  }
  return p;
}
function readJson(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError("json", file, `invalid JSON (${e.message})`);
  }
  if (isObject(json)) {
    const schema = json["$schema"];
    const shared = json["shared"];
    if (schema === "https://www.speedscope.app/file-format-schema.json" || isObject(shared) && Array.isArray(shared["frames"]) && Array.isArray(json["profiles"])) {
      return readSpeedscope(json, file);
    }
    if (Array.isArray(json["nodes"]) && "startTime" in json && "endTime" in json || isObject(json["head"]) && Array.isArray(json["timestamps"])) {
      return readCpuprofile(json, file);
    }
    if (Array.isArray(json["traceEvents"])) return readCpuprofile(json, file);
  } else if (Array.isArray(json) && json.some((e) => isObject(e) && e["name"] === "ProfileChunk")) {
    return readCpuprofile(json, file);
  }
  throw new ProfileError(
    "json",
    file,
    "JSON is neither a speedscope file (no $schema / shared.frames + profiles) nor a Chrome .cpuprofile (no nodes + startTime + endTime)"
  );
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/cli/files.ts
var NOT_PROFILES = /^(manifest\.json|.*\.md|\..*)$/;
function globToRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
        if (glob[i + 1] === "/") i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if ("\\^$.|+()[]{}".includes(c)) re += "\\" + c;
    else re += c;
  }
  return new RegExp(`^${re}$`);
}
function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === ".git") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}
function expandPath(arg, cwd) {
  if (/[*?]/.test(arg)) {
    const abs = resolve(cwd, arg);
    const fixed = abs.split(/[*?]/)[0];
    const root = fixed.endsWith(sep) ? fixed : fixed.slice(0, fixed.lastIndexOf(sep) + 1);
    const re = globToRegex(relative(root, abs).split(sep).join("/"));
    const all = [];
    try {
      walk(root, all);
    } catch {
      return [];
    }
    return all.filter((f) => re.test(relative(root, f).split(sep).join("/")) && !NOT_PROFILES.test(basename2(f))).sort();
  }
  const p = resolve(cwd, arg);
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UsageError(`${arg}: no such file or directory`);
  }
  if (st.isDirectory()) {
    return readdirSync(p, { withFileTypes: true }).filter((e) => e.isFile() && !NOT_PROFILES.test(e.name)).map((e) => join(p, e.name)).sort();
  }
  return [p];
}
function expandPaths(args, cwd, what) {
  const files = [];
  for (const a of args) {
    const got = expandPath(a, cwd);
    if (got.length === 0) throw new UsageError(`${what}: ${a} matches no profile files`);
    for (const f of got) if (!files.includes(f)) files.push(f);
  }
  return files;
}
function readProfileFile(path, display, opts = {}) {
  let bytes;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new ProfileError("io", display, `cannot read file (${e.message})`);
  }
  return readProfile(bytes, display, opts);
}
function displayName(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

// src/cli/common.ts
var READ_OPTIONS = {
  "max-inflated-mb": {
    kind: "number",
    description: "refuse gzip data that inflates past this many MiB (default 512)"
  },
  "all-frames": { kind: "boolean", description: "ignore a pprof profile's drop_frames" }
};
function readOptionsFrom(a) {
  const mb = a.numbers["max-inflated-mb"];
  if (mb !== void 0 && !(mb > 0)) throw new UsageError("--max-inflated-mb must be positive");
  return {
    maxInflatedBytes: mb !== void 0 ? Math.floor(mb * 1024 * 1024) : void 0,
    allFrames: a.flags["all-frames"]
  };
}

// src/cli/top.ts
var SPEC = {
  type: { kind: "string", description: "sample type by name (default: the profile default)" },
  json: { kind: "boolean", description: "print JSON instead of a table" },
  "normalize-names": { kind: "string", description: "on (default), off, all, or a list of rules" },
  limit: { kind: "number", description: "rows in the table (default 30; 0 = all)" },
  ...READ_OPTIONS,
  help: { kind: "boolean", short: "h" }
};
var TOP_USAGE = "Usage: profile-gate top FILE... [--type T] [--json] [--normalize-names off]";
function topTotals(files, io, type, normalize, readOpts = {}) {
  const norm = makeNormalizer(normalize);
  const totals = [];
  for (const f of files) {
    const name = displayName(f, io.cwd);
    const p = readProfileFile(f, name, readOpts);
    const t = aggregate(p, selectSampleType(p, type, name), norm);
    if (totals.length > 0 && (t.type.type !== totals[0].type.type || t.type.unit !== totals[0].type.unit)) {
      throw new ProfileError(
        "sample-type",
        name,
        `sample type ${t.type.type} (${t.type.unit}) differs from the first file's ${totals[0].type.type} (${totals[0].type.unit}); pick one with --type`
      );
    }
    totals.push(t);
  }
  return mergeTotals(totals);
}
function sortedRows(t) {
  const idx = t.names.map((_, i) => i).filter((i) => t.self[i] !== 0 || t.cum[i] !== 0);
  idx.sort(
    (a, b) => Math.abs(t.self[b]) - Math.abs(t.self[a]) || Math.abs(t.cum[b]) - Math.abs(t.cum[a]) || (t.names[a] < t.names[b] ? -1 : t.names[a] > t.names[b] ? 1 : 0)
  );
  return idx;
}
async function topCommand(argv, io) {
  const a = parseArgs(argv, SPEC);
  if (a.flags.help) {
    io.stdout(helpText(TOP_USAGE, SPEC) + "\n");
    return 0;
  }
  if (a.positionals.length === 0) throw new UsageError(`no profile files given
${TOP_USAGE}`);
  const files = expandPaths(a.positionals, io.cwd, "top");
  const t = topTotals(files, io, a.strings.type, a.strings["normalize-names"], readOptionsFrom(a));
  const rows = sortedRows(t);
  if (a.flags.json) {
    const out = {
      type: t.type.type,
      unit: t.type.unit,
      total: t.total,
      functions: rows.map((i) => ({ function: t.names[i], self: t.self[i], cum: t.cum[i] }))
    };
    io.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const limit = a.numbers.limit ?? 30;
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const u = t.type.unit;
  io.stdout(
    `Type: ${t.type.type} (${u})  Total: ${formatValue(t.total, u)} in ${t.samples} samples from ${files.length} file(s)
`
  );
  if (shown.length < rows.length) {
    io.stdout(`Showing top ${shown.length} of ${rows.length} functions (--limit 0 for all)
`);
  }
  const w = 10;
  io.stdout(`${"flat".padStart(w)} ${"flat%".padStart(7)} ${"sum%".padStart(7)} ${"cum".padStart(w)} ${"cum%".padStart(7)}  function
`);
  let sum = 0;
  const notes = [];
  for (const i of shown) {
    sum += t.self[i];
    const tot = t.total || 1;
    const name = t.names[i];
    const raw = t.rawNames.get(name);
    io.stdout(
      `${formatValue(t.self[i], u).padStart(w)} ${pct(t.self[i] / tot).padStart(7)} ${pct(sum / tot).padStart(7)} ${formatValue(t.cum[i], u).padStart(w)} ${pct(t.cum[i] / tot).padStart(7)}  ${name}${raw ? " *" : ""}
`
    );
    if (raw) notes.push(`  ${name} <- ${raw.slice(0, 5).join(", ")}${raw.length > 5 ? `, ... (${raw.length} names)` : ""}`);
  }
  if (notes.length) {
    io.stdout(`
* normalized names (raw names merged into them; --normalize-names off to keep them apart):
${notes.join("\n")}
`);
  }
  return 0;
}

// src/cli/main.ts
var COMMANDS = {
  top: { run: async () => topCommand, summary: "per-function self and cumulative values of profiles" }
};
function usage() {
  const lines = [
    `profile-gate ${VERSION}: fail a deploy when a function got measurably more expensive`,
    "",
    "Usage: profile-gate <command> [options]   (profile-gate <command> --help for details)",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(10)} ${v.summary}`),
    "",
    "Exit codes: 0 pass, 1 regression found, 2 bad input or usage."
  ];
  return lines.join("\n") + "\n";
}
async function runCli(argv, io = processIO()) {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    io.stdout(usage());
    return cmd ? 0 : 2;
  }
  if (cmd === "--version" || cmd === "-v") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    io.stderr(`profile-gate: unknown command "${cmd}"

${usage()}`);
    return 2;
  }
  try {
    return await (await c.run())(rest, io);
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(`profile-gate: error: ${e.message}
`);
      return 2;
    }
    const err = e;
    io.stderr(
      `profile-gate: internal error: ${err?.message ?? String(e)}
` + (io.env.PROFILE_GATE_DEBUG ? `${err?.stack}
` : "Set PROFILE_GATE_DEBUG=1 for a stack trace, and please report it.\n")
    );
    return 2;
  }
}

// src/cli.ts
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`profile-gate: internal error: ${e?.stack ?? String(e)}
`);
    process.exitCode = 2;
  }
);
