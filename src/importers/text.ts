/**
 * Reading a text file's bytes as text. Files in the wild are UTF-8 (with or without a byte-order
 * mark) or, when saved by Excel or downloaded on a Chinese-language system, GBK/GB18030. UTF-8
 * is tried first: GBK text is almost never valid UTF-8, so the order does not guess. Anything
 * else is named (UTF-16, an Excel workbook, binary data) with how to save it instead.
 */

export type Encoding = "utf-8" | "utf-8 (BOM)" | "gb18030";
export type EncodingOption = "auto" | "utf-8" | "gb18030";

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

const saveAsUtf8 = "save it as UTF-8 (in Excel: CSV UTF-8)";

export function decodeText(bytes: Uint8Array, option: EncodingOption = "auto"): Decoded {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);

  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return { ok: false, message: 'is a zip archive, not text: if it is an Excel workbook, give it "format": "xlsx"' };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return { ok: false, message: "is an old Excel .xls workbook: save it as .xlsx, or as CSV UTF-8" };
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return { ok: false, message: `is UTF-16 text; ${saveAsUtf8}` };
  }

  const bom = starts(0xef, 0xbb, 0xbf);
  if (option !== "gb18030") {
    const utf8 = tryDecode("utf-8", bom ? bytes.subarray(3) : bytes);
    if (utf8 !== null) return { ok: true, text: utf8, encoding: bom ? "utf-8 (BOM)" : "utf-8" };
    if (option === "utf-8" || bom) {
      return { ok: false, message: `is not valid UTF-8 (${badPlace(bytes)}); ${saveAsUtf8}` };
    }
  }

  const gbk = tryDecode("gb18030", bytes);
  if (gbk !== null && !gbk.includes("\u0000")) return { ok: true, text: gbk, encoding: "gb18030" };
  const what = option === "gb18030" ? "GB18030/GBK" : "UTF-8 nor GBK/GB18030";
  return {
    ok: false,
    message: `is neither ${what} text (${badPlace(bytes)}); ${saveAsUtf8}`,
  };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Where UTF-8 decoding first fails, as a line and a byte offset. */
function badPlace(bytes: Uint8Array): string {
  const at = badOffset(bytes);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return `line ${line}, byte ${at} is not UTF-8`;
}

/** Offset of the first byte that does not continue a well-formed UTF-8 sequence. */
function badOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** How an encoding is named in the validation report. */
export function encodingLabel(encoding: Encoding): string {
  if (encoding === "gb18030") return "GBK/GB18030 (not UTF-8; read as GB18030)";
  return encoding === "utf-8" ? "UTF-8" : "UTF-8 with byte-order mark";
}
